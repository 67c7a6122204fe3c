#include "lessons/Explanation.h"

#include "models/Registry.h"

#include <array>

namespace aelab {

using namespace lessonjson;

namespace {

constexpr const char* kWhat = "explanation";
constexpr const char* kFormat = "aelab-explanation/1";

// The formula is shown as rich text: only these tags, so it cannot pull in
// images or links.
void checkFormula(const std::string& formula)
{
    static const std::array<const char*, 8> allowed{"<i>", "</i>", "<sub>", "</sub>", "<sup>", "</sup>", "<b>", "</b>"};
    for (std::size_t at = formula.find('<'); at != std::string::npos; at = formula.find('<', at + 1)) {
        bool ok = false;
        for (const char* tag : allowed)
            ok = ok || formula.compare(at, std::char_traits<char>::length(tag), tag) == 0;
        if (!ok)
            refuse("formula", "only <i>, <sub>, <sup> and <b> tags are allowed", kWhat);
    }
}

std::vector<ExplanationItem> items(const nlohmann::json& j, const std::string& path)
{
    std::vector<ExplanationItem> out;
    const nlohmann::json& list = array(j, path, kWhat, kMaxListItems);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        onlyKeys(list[i], {"name", "text"}, at, kWhat);
        ExplanationItem item;
        const nlohmann::json& name = member(list[i], "name", at, kWhat);
        if (name.is_string())
            item.name.en = item.name.zh = string(name, at + ".name", kWhat, 200);
        else
            item.name = text(name, at + ".name", kWhat);
        item.text = text(member(list[i], "text", at, kWhat), at + ".text", kWhat);
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace

Explanation parseExplanation(const std::string& fileText)
{
    const nlohmann::json j = parse(fileText, kWhat);
    onlyKeys(j, {"format", "variant", "what", "formula", "symbols", "terms", "watch", "failure", "sign", "experiment",
                 "setup"},
             "", kWhat);
    if (string(member(j, "format", "", kWhat), "format", kWhat, 64) != kFormat)
        refuse("format", std::string("must be \"") + kFormat + "\"", kWhat);
    Explanation e;
    e.variant = string(member(j, "variant", "", kWhat), "variant", kWhat, 64);
    bool known = false;
    for (const VariantInfo& v : variants())
        known = known || v.key == e.variant;
    if (!known)
        refuse("variant", "unknown variant '" + e.variant + "'", kWhat);
    e.what = text(member(j, "what", "", kWhat), "what", kWhat);
    e.formula = string(member(j, "formula", "", kWhat), "formula", kWhat, 1000);
    checkFormula(e.formula);
    e.symbols = items(member(j, "symbols", "", kWhat), "symbols");
    e.terms = items(member(j, "terms", "", kWhat), "terms");
    e.watch = items(member(j, "watch", "", kWhat), "watch");
    e.failure = text(member(j, "failure", "", kWhat), "failure", kWhat);
    e.sign = text(member(j, "sign", "", kWhat), "sign", kWhat);
    e.experiment = text(member(j, "experiment", "", kWhat), "experiment", kWhat);
    const nlohmann::json& s = member(j, "setup", "", kWhat);
    onlyKeys(s, {"dataset", "limit", "runs", "tab"}, "setup", kWhat);
    e.setup = setup(s, "setup", kWhat);
    if (e.setup.runs.size() != 1)
        refuse("setup.runs", "an explanation's experiment is one run", kWhat);
    if (e.setup.runs.front().variant != e.variant)
        refuse("setup.runs[0].variant", "the experiment runs the variant it explains (" + e.variant + ")", kWhat);
    return e;
}

} // namespace aelab
