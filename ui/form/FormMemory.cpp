#include "form/FormMemory.h"

#include "form/ControlPanel.h"
#include "form/HyperParamForm.h"

#include "i18n/CoreText.h"

#include "models/HyperParams.h"
#include "models/Registry.h"

#include <QSettings>

namespace aelab::ui {

FormMemory::FormMemory(ControlPanel* controls) : m_controls(controls) {}

void FormMemory::restore(const MainWindowOptions& options, const std::function<void(QString, QString)>& refused)
{
    QSettings settings;
    try {
        m_values = nlohmann::json::parse(settings.value("run/hyperparameters", "{}").toString().toStdString());
        if (!m_values.is_object())
            m_values = nlohmann::json::object();
    } catch (const std::exception&) {
        m_values = nlohmann::json::object();
    }
    checkRemembered();
    m_restored = !m_values.empty() || !m_refused.isEmpty();
    m_controls->setEpochs(options.epochs > 0 ? options.epochs : settings.value("run/epochs", 5).toInt());
    m_controls->setSeed(settings.value("run/seed", 1).toULongLong());
    m_controls->setSampleLimit(options.limit >= 0 ? options.limit : settings.value("data/limit", 0).toInt());
    const QString variant = !options.variant.isEmpty() ? options.variant : settings.value("run/variant", "ae").toString();
    m_controls->setVariant(variant);
    m_controls->setDatasetSpec(!options.dataset.isEmpty() ? options.dataset
                                                          : settings.value("data/spec", "fashion-mnist").toString());
    const VariantInfo& info = variantInfo(m_controls->variant().toStdString());
    for (const auto& [key, text] : options.params) {
        // The run's own settings, beside the form's hyperparameters.
        if (key == "seed" || key == "epochs") {
            bool ok = false;
            const qulonglong v = text.toULongLong(&ok);
            const qulonglong max = key == "seed" ? 2'000'000'000ULL : 100'000ULL;
            if (!ok || v > max || (key == "epochs" && v < 1))
                refused(tr("Cannot use --param %1=%2").arg(key, text),
                        tr("%1 takes a whole number from %2 to %3.").arg(key).arg(key == "seed" ? 0 : 1).arg(max));
            else if (key == "seed")
                m_controls->setSeed(v);
            else
                m_controls->setEpochs(int(v));
            continue;
        }
        const ParamSpec* spec = findSpec(info.specs, key.toStdString());
        if (!spec) {
            refused(tr("Unknown hyperparameter"), tr("%1 has no hyperparameter '%2'.").arg(m_controls->variant(), key));
            continue;
        }
        try {
            m_values[spec->key] = parseValue(*spec, text.toStdString());
            m_fromSession.erase(spec->key);   // the command line's, not the last session's
        } catch (const std::exception& e) {
            refused(tr("Cannot use --param %1=%2").arg(key, text), QString::fromStdString(e.what()));
        }
    }
    showVariant(m_controls->variant());
}

namespace {

// The first spec with this key among every variant's (keys mean the same everywhere).
const ParamSpec* anySpec(const std::string& key)
{
    for (const VariantInfo& v : variants())
        if (const ParamSpec* spec = findSpec(v.specs, key))
            return spec;
    return nullptr;
}

} // namespace

void FormMemory::checkRemembered()
{
    m_refused.clear();
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& [key, value] : m_values.items()) {
        const ParamSpec* spec = anySpec(key);
        if (!spec)
            continue;   // a setting no variant has any more
        try {
            kept[key] = value.is_string() ? parseValue(*spec, value.get<std::string>()) : checkValue(*spec, value);
        } catch (const std::exception&) {
            m_refused << tr("%1: \"%2\" could not be read").arg(coreText(spec->label),
                                                               QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump()));
        }
    }
    m_values = kept;
    m_fromSession.clear();
    for (const auto& [key, value] : m_values.items())
        m_fromSession.insert(key);
}

void FormMemory::showRestoredNote()
{
    if (!m_restored) {
        m_controls->setRestoredNote({});
        return;
    }
    // The remembered values of the variant shown that differ from its defaults.
    const VariantInfo& info = variantInfo(m_controls->variant().toStdString());
    const nlohmann::json defaults = HyperParams::defaults(info.specs).json();
    QStringList differ;
    for (const ParamSpec& spec : info.specs) {
        if (!m_fromSession.count(spec.key) || !m_values.contains(spec.key)
            || (defaults.contains(spec.key) && m_values[spec.key] == defaults.at(spec.key)))
            continue;
        HyperParams one;
        one.set(spec, m_values[spec.key]);
        differ << QString("%1 = %2").arg(coreText(spec.label), QString::fromStdString(one.text(spec.key)));
    }
    if (differ.isEmpty() && m_refused.isEmpty()) {
        m_controls->setRestoredNote({});
        return;
    }
    QString note = tr("Settings from the last session that differ from the defaults: %1.").arg(differ.size());
    if (!m_refused.isEmpty())
        note += ' ' + tr("Unreadable, left at the default: %1.").arg(m_refused.size());
    m_controls->setRestoredNote(note);
    QStringList details = differ;
    details += m_refused;
    m_controls->setRestoredNoteDetails(details.join('\n'));
}

void FormMemory::restoreDefaults()
{
    m_values = nlohmann::json::object();
    m_fromSession.clear();
    m_refused.clear();
    m_restored = false;
    m_controls->setEpochs(5);
    m_controls->setSeed(1);
    showVariant(m_controls->variant());
}

void FormMemory::save(const QString& datasetSpec) const
{
    QSettings settings;
    settings.setValue("data/spec", datasetSpec);
    settings.setValue("data/limit", m_controls->sampleLimit());
    settings.setValue("run/variant", m_controls->variant());
    settings.setValue("run/epochs", m_controls->epochs());
    settings.setValue("run/seed", m_controls->seed());
    nlohmann::json values = m_values;
    const nlohmann::json shown = m_controls->form()->values();
    for (const auto& [key, value] : shown.items())
        values[key] = value;
    settings.setValue("run/hyperparameters", QString::fromStdString(values.dump()));
}

void FormMemory::remember(const QString& key)
{
    const std::string k = key.toStdString();
    m_values[k] = m_controls->form()->values()[k];
    m_fromSession.erase(k);   // the user's choice now
}

void FormMemory::rememberAll(const nlohmann::json& values)
{
    for (const auto& [key, value] : values.items()) {
        m_values[key] = value;
        m_fromSession.erase(key);
    }
}

void FormMemory::showVariant(const QString& key)
{
    m_controls->form()->setSpecs(variantInfo(key.toStdString()).specs, m_values);
    showRestoredNote();
}

} // namespace aelab::ui
