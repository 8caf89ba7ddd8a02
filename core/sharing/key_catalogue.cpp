#include "core/sharing/key_catalogue.hpp"

namespace deelstroom::sharing {

const std::vector<KeyTypeInfo>& key_types() {
  // Fluvius, "Energie delen in een appartementsgebouw: verdeelsleutels" (vaste, relatieve en
  // optimale verdeelsleutel), as described in docs/sharing-rules.md.
  static const std::vector<KeyTypeInfo> types = {
      {"fixed", "vaste verdeelsleutel", "fixed key",
       "ieder krijgt zijn vaste percentage van de injectie, hoogstens zijn afname; de rest wordt niet gedeeld",
       "each participant gets a fixed percentage of the injection, at most its offtake; the rest is not shared", true},
      {"relative", "relatieve verdeelsleutel", "relative key",
       "als de vaste sleutel, maar wie zelf injecteert krijgt 0 % en de anderen delen zijn percentage",
       "as the fixed key, but a participant injecting itself gets 0 % and the others share its percentage", true},
      {"optimal", "optimale verdeelsleutel", "optimal key",
       "de vaste sleutel in rondes: wat over is gaat opnieuw naar wie nog afname heeft, tot niets meer te verdelen valt",
       "the fixed key in rounds: what is left goes again to those still taking, until nothing more can be shared", true},
      {"cascade", "cascade met een vast aantal rondes", "cascade with a set number of rounds",
       "de vaste sleutel in een gekozen aantal rondes, eventueel met een tweede sleutel vanaf ronde 2",
       "the fixed key in a chosen number of rounds, optionally with a second key from round 2", true},
      {"proportional", "verdeling naar verbruik per kwartier", "proportional to each quarter-hour's offtake",
       "elk kwartier naar rato van ieders afname in dat kwartier", "every quarter-hour in proportion to each one's offtake then",
       false},
      {"hybrid", "hybride sleutel", "hybrid key", "een deel met vaste percentages, de rest naar verbruik per kwartier",
       "part by fixed percentages, the rest in proportion to each quarter-hour's offtake", true},
      {"priority", "voorrangsgroepen", "priority groups", "groepen na elkaar, elk met een eigen sleutel",
       "groups served one after the other, each with its own key", false},
      {"optimised", "berekende vaste percentages", "optimised fixed percentages",
       "vaste percentages die het meeste delen of het eerlijkst verdelen voor dit gebouw",
       "fixed percentages that share the most or most fairly for this building", false},
  };
  return types;
}

const KeyTypeInfo* key_type_info(std::string_view id) {
  for (const KeyTypeInfo& info : key_types()) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

std::string key_type_name(std::string_view id, bool dutch) {
  const KeyTypeInfo* info = key_type_info(id);
  if (info == nullptr) return std::string(id);
  return std::string(dutch ? info->name_nl : info->name_en);
}

std::vector<std::string> key_type_ids() {
  std::vector<std::string> ids;
  for (const KeyTypeInfo& info : key_types()) ids.emplace_back(info.id);
  return ids;
}

}  // namespace deelstroom::sharing
