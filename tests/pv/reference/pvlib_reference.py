#!/usr/bin/python3
"""Independent hourly reference for the PV chain, following pvlib-python's equations and
conventions step by step, as pvlib would run on a PVGIS TMY file:

  iotools.read_pvgis_tmy   time stamps used as they are (UTC, source years kept, no shift:
                           pvlib stores the "Irradiance Time Offset" but does not apply it)
  solarposition (nrel_numpy, pvlib's default): SPA at the time stamps, pressure from the
                           site elevation (atmosphere.alt2pres), 12 degC, delta_t 67 s
  irradiance.get_extra_radiation  Spencer, solar constant 1366.1, day of year of the stamp
  atmosphere.get_relative_airmass kastenyoung1989 on the apparent zenith, NaN below horizon
  irradiance.get_total_irradiance model 'perez' (allsitescomposite1990), albedo 0.2
  iam.physical (n 1.526, K 4, L 0.002) on the beam only (ModelChain's effective irradiance)
  temperature.faiman (u0 25, u1 6.84) on poa_global
  pvsystem.pvwatts_dc (gamma -0.004), pvwatts_losses defaults (14.08 %)
  inverter.pvwatts (eta_nom 0.96, eta_ref 0.9637, pdc0 = Pac0 / 0.96), Pac0 = kWp / 1.1
  hourly AC summed per calendar month of the stamp; NaN hours (pvlib's Perez yields NaN when
  DHI = 0) count as 0, as pandas' sum() skips them.

Only numpy is used (pvlib is not installable here). The SPA periodic-term tables are read from
core/solar/spa_tables.hpp (they are published data, checked there against the SPA paper's
intermediate values); every equation below is written from the pvlib sources and papers.

Usage: pvlib_reference.py TMY.csv OUT.csv            (orientation grid, 1 kWp)
       pvlib_reference.py TMY.csv --timing            (east/west sensitivity to the time stamp)
"""
import math
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


# ----------------------------------------------------------------------------- PVGIS reader
def read_pvgis_tmy_csv(path):
    meta = {}
    with open(path, "r") as f:
        lines = [line.rstrip("\r\n") for line in f]
    header_index = None
    for i, line in enumerate(lines):
        for key in ("Latitude", "Longitude", "Elevation", "Irradiance Time Offset"):
            if line.startswith(key):
                meta[key] = float(line.split(":")[1])
        if line.startswith("time(UTC)"):
            header_index = i
            break
    columns = lines[header_index].split(",")
    rows = []
    for line in lines[header_index + 1:]:
        if not line or not line[0].isdigit():
            break
        rows.append(line.split(","))
    data = {name: np.array([float(r[j]) for r in rows]) for j, name in enumerate(columns) if name != "time(UTC)"}
    stamps = [r[columns.index("time(UTC)")] for r in rows]
    # Unix seconds of each stamp (UTC), and its year/month/day-of-year.
    years = np.array([int(s[0:4]) for s in stamps])
    months = np.array([int(s[4:6]) for s in stamps])
    days = np.array([int(s[6:8]) for s in stamps])
    hours = np.array([int(s[9:11]) for s in stamps])
    minutes = np.array([int(s[11:13]) for s in stamps])
    unix = np.array([days_from_civil(y, m, d) for y, m, d in zip(years, months, days)], dtype=float) * 86400.0
    unix += hours * 3600.0 + minutes * 60.0
    doy = np.array([days_from_civil(y, m, d) - days_from_civil(y, 1, 1) + 1 for y, m, d in zip(years, months, days)])
    return meta, data, unix, months, doy


def days_from_civil(y, m, d):
    # Days since 1970-01-01 (proleptic Gregorian), Hinnant's algorithm.
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


# ----------------------------------------------------------------------------- SPA (numpy)
def load_spa_tables():
    text = open(os.path.join(ROOT, "core", "solar", "spa_tables.hpp")).read()
    tables = {}
    for name in ("L0", "L1", "L2", "L3", "L4", "L5", "B0", "B1", "R0", "R1", "R2", "R3", "R4"):
        body = re.search(r"k%s\[\] = \{(.*?)\};" % name, text, re.S).group(1)
        triples = re.findall(r"\{([-\d.e+]+), ([-\d.e+]+), ([-\d.e+]+)\}", body)
        tables[name] = np.array([[float(a), float(b), float(c)] for a, b, c in triples])
    body = re.search(r"kNutation\[\] = \{(.*?)\n\};", text, re.S).group(1)
    rows = re.findall(r"\{([^{}]+)\}", body)
    nut = np.array([[float(v) for v in row.split(",")] for row in rows])
    tables["NUT_Y"] = nut[:, 0:5]
    tables["NUT_ABCD"] = nut[:, 5:9]
    return tables


def spa_numpy(unix, lat, lon, elev, pressure_mbar, temp_c, delta_t, atmos_refract=0.5667):
    T = load_spa_tables()
    jd = unix / 86400.0 + 2440587.5
    jde = jd + delta_t / 86400.0
    jc = (jd - 2451545.0) / 36525.0
    jce = (jde - 2451545.0) / 36525.0
    jme = jce / 10.0

    def series(name):
        t = T[name]
        return (t[:, 0][None, :] * np.cos(t[:, 1][None, :] + t[:, 2][None, :] * jme[:, None])).sum(axis=1)

    L = np.degrees((series("L0") + series("L1") * jme + series("L2") * jme**2 + series("L3") * jme**3
                    + series("L4") * jme**4 + series("L5") * jme**5) / 1e8) % 360.0
    B = np.degrees((series("B0") + series("B1") * jme) / 1e8)
    R = (series("R0") + series("R1") * jme + series("R2") * jme**2 + series("R3") * jme**3 + series("R4") * jme**4) / 1e8
    theta = (L + 180.0) % 360.0
    beta = -B
    x0 = 297.85036 + 445267.111480 * jce - 0.0019142 * jce**2 + jce**3 / 189474.0
    x1 = 357.52772 + 35999.050340 * jce - 0.0001603 * jce**2 - jce**3 / 300000.0
    x2 = 134.96298 + 477198.867398 * jce + 0.0086972 * jce**2 + jce**3 / 56250.0
    x3 = 93.27191 + 483202.017538 * jce - 0.0036825 * jce**2 + jce**3 / 327270.0
    x4 = 125.04452 - 1934.136261 * jce + 0.0020708 * jce**2 + jce**3 / 450000.0
    X = np.stack([x0, x1, x2, x3, x4], axis=1)
    arg = np.radians(X @ T["NUT_Y"].T)
    abcd = T["NUT_ABCD"]
    dpsi = ((abcd[:, 0][None, :] + abcd[:, 1][None, :] * jce[:, None]) * np.sin(arg)).sum(axis=1) / 36e6
    deps = ((abcd[:, 2][None, :] + abcd[:, 3][None, :] * jce[:, None]) * np.cos(arg)).sum(axis=1) / 36e6
    U = jme / 10.0
    eps0 = (84381.448 - 4680.93 * U - 1.55 * U**2 + 1999.25 * U**3 - 51.38 * U**4 - 249.67 * U**5
            - 39.05 * U**6 + 7.12 * U**7 + 27.87 * U**8 + 5.79 * U**9 + 2.45 * U**10)
    eps = eps0 / 3600.0 + deps
    lamd = theta + dpsi - 20.4898 / (3600.0 * R)
    v0 = (280.46061837 + 360.98564736629 * (jd - 2451545.0) + 0.000387933 * jc**2 - jc**3 / 38710000.0) % 360.0
    v = v0 + dpsi * np.cos(np.radians(eps))
    alpha = np.degrees(np.arctan2(np.sin(np.radians(lamd)) * np.cos(np.radians(eps))
                                  - np.tan(np.radians(beta)) * np.sin(np.radians(eps)),
                                  np.cos(np.radians(lamd)))) % 360.0
    delta = np.degrees(np.arcsin(np.sin(np.radians(beta)) * np.cos(np.radians(eps))
                                 + np.cos(np.radians(beta)) * np.sin(np.radians(eps)) * np.sin(np.radians(lamd))))
    H = (v + lon - alpha) % 360.0
    xi = 8.794 / (3600.0 * R)
    u = np.arctan(0.99664719 * np.tan(np.radians(lat)))
    x = np.cos(u) + elev / 6378140.0 * np.cos(np.radians(lat))
    y = 0.99664719 * np.sin(u) + elev / 6378140.0 * np.sin(np.radians(lat))
    dalpha = np.degrees(np.arctan2(-x * np.sin(np.radians(xi)) * np.sin(np.radians(H)),
                                   np.cos(np.radians(delta)) - x * np.sin(np.radians(xi)) * np.cos(np.radians(H))))
    delta_p = np.degrees(np.arctan2((np.sin(np.radians(delta)) - y * np.sin(np.radians(xi))) * np.cos(np.radians(dalpha)),
                                    np.cos(np.radians(delta)) - x * np.sin(np.radians(xi)) * np.cos(np.radians(H))))
    Hp = H - dalpha
    e0 = np.degrees(np.arcsin(np.sin(np.radians(lat)) * np.sin(np.radians(delta_p))
                              + np.cos(np.radians(lat)) * np.cos(np.radians(delta_p)) * np.cos(np.radians(Hp))))
    switch = e0 >= -1.0 * (0.26667 + atmos_refract)
    de = (pressure_mbar / 1010.0) * (283.0 / (273.0 + temp_c)) * 1.02 / (60.0 * np.tan(np.radians(e0 + 10.3 / (e0 + 5.11)))) * switch
    apparent_zenith = 90.0 - (e0 + de)
    gamma = np.degrees(np.arctan2(np.sin(np.radians(Hp)),
                                  np.cos(np.radians(Hp)) * np.sin(np.radians(lat))
                                  - np.tan(np.radians(delta_p)) * np.cos(np.radians(lat)))) % 360.0
    azimuth = (gamma + 180.0) % 360.0
    return apparent_zenith, azimuth


def alt2pres_pa(altitude):
    return 100.0 * ((44331.514 - altitude) / 11880.516) ** (1.0 / 0.1902632)


# ----------------------------------------------------------------------------- irradiance
def extra_radiation_spencer(doy):
    b = 2.0 * np.pi * (doy - 1) / 365.0
    return 1366.1 * (1.00011 + 0.034221 * np.cos(b) + 0.00128 * np.sin(b) + 0.000719 * np.cos(2 * b) + 7.7e-05 * np.sin(2 * b))


def airmass_kastenyoung1989(zenith):
    z = np.where(zenith > 90, np.nan, zenith)
    return 1.0 / (np.cos(np.radians(z)) + 0.50572 * ((6.07995 + (90 - z)) ** -1.6364))


PEREZ_1990 = np.array([
    [-0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220],
    [0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290],
    [0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260],
    [0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140],
    [0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010],
    [1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560],
    [1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310],
    [0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510]])


def aoi_projection(tilt, surface_azimuth, zenith, azimuth):
    p = (np.cos(np.radians(tilt)) * np.cos(np.radians(zenith))
         + np.sin(np.radians(tilt)) * np.sin(np.radians(zenith)) * np.cos(np.radians(azimuth - surface_azimuth)))
    return np.clip(p, -1, 1)


def perez(tilt, surface_azimuth, dhi, dni, dni_extra, zenith, azimuth, airmass):
    kappa = 1.041
    z = np.radians(zenith)
    delta = dhi * airmass / dni_extra
    with np.errstate(invalid="ignore", divide="ignore"):
        eps = ((dhi + dni) / dhi + kappa * z**3) / (1 + kappa * z**3)
    ebin = np.digitize(eps, (0., 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2))
    ebin[np.isnan(eps)] = 0
    ebin -= 1
    coeffs = np.vstack((PEREZ_1990, np.full(6, np.nan)))
    F1 = np.maximum(coeffs[ebin, 0] + coeffs[ebin, 1] * delta + coeffs[ebin, 2] * z, 0)
    F2 = coeffs[ebin, 3] + coeffs[ebin, 4] * delta + coeffs[ebin, 5] * z
    A = np.maximum(aoi_projection(tilt, surface_azimuth, zenith, azimuth), 0)
    B = np.maximum(np.cos(np.radians(zenith)), np.cos(np.radians(85)))
    term1 = 0.5 * (1 - F1) * (1 + np.cos(np.radians(tilt)))
    term2 = F1 * A / B
    term3 = F2 * np.sin(np.radians(tilt))
    sky = np.maximum(dhi * (term1 + term2 + term3), 0)
    return np.where(np.isnan(airmass), 0, sky)


def iam_physical(aoi, n=1.526, K=4.0, L=0.002):
    costheta = np.maximum(0, np.cos(np.radians(aoi)))
    sintheta = np.sqrt(1 - costheta**2)
    n1costheta1 = costheta
    n2costheta1 = n * costheta
    sintheta = sintheta / n
    costheta2 = np.sqrt(1 - sintheta**2)
    n1costheta2 = costheta2
    n2costheta2 = n * costheta2
    with np.errstate(divide="ignore", invalid="ignore"):
        rho_s = ((n1costheta1 - n2costheta2) / (n1costheta1 + n2costheta2)) ** 2
        rho_p = ((n1costheta2 - n2costheta1) / (n1costheta2 + n2costheta1)) ** 2
    rho_0 = ((1 - n) / (1 + n)) ** 2
    tau_s = (1 - rho_s) * np.exp(-K * L / costheta2)
    tau_p = (1 - rho_p) * np.exp(-K * L / costheta2)
    tau_0 = (1 - rho_0) * np.exp(-K * L)
    return (tau_s + tau_p) / 2 / tau_0


def pvwatts_losses_pct():
    params = [2, 3, 0, 2, 2, 0.5, 1.5, 1, 0, 3]
    perc = 1.0
    for p in params:
        perc *= 1 - p / 100.0
    return 100.0 * (1 - perc)


def inverter_pvwatts(pdc, pdc0, eta_inv_nom=0.96, eta_inv_ref=0.9637):
    pac0 = eta_inv_nom * pdc0
    zeta = pdc / pdc0
    with np.errstate(divide="ignore", invalid="ignore"):
        eta = eta_inv_nom / eta_inv_ref * (-0.0162 * zeta - np.divide(0.0059, zeta) + 0.9858)
    eta = np.where(zeta > 0, eta, 0)
    pac = eta * pdc
    pac = np.minimum(pac0, pac)
    pac = np.maximum(0, pac)
    return pac


# ----------------------------------------------------------------------------- the chain
class Site:
    def __init__(self, path, shift_hours=0.0):
        self.meta, self.data, unix, self.months, doy = read_pvgis_tmy_csv(path)
        elev = self.meta["Elevation"]
        self.zenith, self.azimuth = spa_numpy(unix + shift_hours * 3600.0, self.meta["Latitude"],
                                              self.meta["Longitude"], elev, alt2pres_pa(elev) / 100.0, 12.0, 67.0)
        self.dni_extra = extra_radiation_spencer(doy)
        self.airmass = airmass_kastenyoung1989(self.zenith)


def run_chain(site, tilt, surface_azimuth, kwp=1.0, dc_ac_ratio=1.1, albedo=0.2):
    d = site.data
    ghi, dni, dhi = d["G(h)"], d["Gb(n)"], d["Gd(h)"]
    sky = perez(tilt, surface_azimuth, dhi, dni, site.dni_extra, site.zenith, site.azimuth, site.airmass)
    ground = ghi * albedo * (1 - np.cos(np.radians(tilt))) * 0.5
    aoi = np.degrees(np.arccos(aoi_projection(tilt, surface_azimuth, site.zenith, site.azimuth)))
    poa_direct = np.maximum(dni * np.cos(np.radians(aoi)), 0)
    poa_diffuse = sky + ground
    poa_global = poa_direct + poa_diffuse
    effective = poa_direct * iam_physical(aoi) + poa_diffuse
    temp_cell = d["T2m"] + poa_global / (25.0 + 6.84 * d["WS10m"])
    pdc0_w = kwp * 1000.0
    pdc = effective / 1000.0 * pdc0_w * (1 + -0.004 * (temp_cell - 25.0))
    pdc = pdc * (1 - pvwatts_losses_pct() / 100.0)
    pac0_w = pdc0_w / dc_ac_ratio
    pac = inverter_pvwatts(pdc, pac0_w / 0.96)
    pac = np.where(np.isnan(pac), 0.0, pac)  # pandas sum() skips NaN hours
    monthly_kwh = np.array([pac[site.months == m].sum() / 1000.0 for m in range(1, 13)])
    return monthly_kwh


TILTS = (0, 15, 35, 60, 90)
AZIMUTHS = (90, 135, 180, 225, 270)


def check_spa_example():
    # SPA paper example (Reda & Andreas 2004): zenith 50.11162, azimuth 194.34024 degrees.
    unix = float(days_from_civil(2003, 10, 17) * 86400 + 19 * 3600 + 30 * 60 + 30)
    zenith, azimuth = spa_numpy(np.array([unix]), 39.742476, -105.1786, 1830.14, 820.0, 11.0, 67.0)
    assert abs(zenith[0] - 50.11162) < 1e-4 and abs(azimuth[0] - 194.34024) < 1e-4, (zenith, azimuth)


def main():
    check_spa_example()
    path = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "--timing":
        offset = read_pvgis_tmy_csv(path)[0].get("Irradiance Time Offset", 0.0)
        for label, shift in (("HH:00", 0.0), ("HH:00+offset", offset), ("HH:30", 0.5)):
            site = Site(path, shift)
            east = run_chain(site, 35, 90).sum()
            west = run_chain(site, 35, 270).sum()
            south = run_chain(site, 35, 180).sum()
            print("%-13s east35 %.2f  south35 %.2f  west35 %.2f kWh/kWp" % (label, east, south, west))
        return
    out = sys.argv[2]
    site = Site(path)
    with open(out, "w") as f:
        f.write("# pvlib-equivalent hourly chain on %s, 1 kWp, Pac0 = 1/1.1 kW; AC kWh per year and month\n"
                % os.path.basename(path))
        f.write("# generated by tests/pv/reference/pvlib_reference.py; do not edit\n")
        f.write("tilt_deg,azimuth_deg,year_kwh," + ",".join("m%02d_kwh" % m for m in range(1, 13)) + "\n")
        for tilt in TILTS:
            for az in AZIMUTHS:
                monthly = run_chain(site, tilt, az)
                f.write("%d,%d,%.4f,%s\n" % (tilt, az, monthly.sum(), ",".join("%.4f" % v for v in monthly)))


if __name__ == "__main__":
    main()
