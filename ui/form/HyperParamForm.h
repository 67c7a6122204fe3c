#pragma once
// The hyperparameter form, generated from a variant's specs only (so a new
// variant needs no UI code): a spin box, combo box, check box or list field
// per spec, in sections by group, with each spec's range enforced and its
// help as the tooltip. What one value implies for another is spec data the
// form follows as the user edits: a narrower range (RangeWhen: a masking
// level is at most 1), fields that do not apply (appliesWhen: conv
// channels of a dense model, momentum with Adam) are disabled and hidden, a
// value that brings another with it sets it (implies: linear activations,
// output linear-mse), and values a variant refuses are listed greyed with the
// reason (refused: ae's unpool elsewhere). Fields whose
// spec is liveTunable stay editable while training runs and report their
// changes as live values.
#include "models/ParamSpec.h"

#include <QWidget>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

class QFormLayout;

namespace aelab::ui {

class HyperParamForm : public QWidget {
    Q_OBJECT
public:
    explicit HyperParamForm(QWidget* parent = nullptr);

    // Rebuilds the form. Each field starts at `values[key]` when present and
    // valid for the new spec, else at the spec's default.
    void setSpecs(const std::vector<ParamSpec>& specs, const nlohmann::json& values);
    void setValues(const nlohmann::json& values);
    nlohmann::json values() const;       // every field's current (valid) value
    QWidget* field(const QString& key) const;
    const std::vector<ParamSpec>& specs() const { return m_specs; }

    // While training, only live-tunable fields stay enabled.
    void setTrainingLocked(bool locked);
    // Whether a field's value matters given the others (its spec's appliesWhen).
    bool applies(const QString& key) const;

    // Presentation mode hides the advanced fields (isAdvancedSetting) and
    // shows them again; their values stay as they are.
    void setAdvancedHidden(bool hidden);
    bool advancedHidden() const { return m_hideAdvanced; }
    // The settings a demonstration rarely changes: the optimizer's details,
    // clipping, the output and activation, the conv details, the AAE's rates,
    // stacked pretraining's and masked's missingness details.
    static bool isAdvancedSetting(const QString& key);

signals:
    void valueEdited(const QString& key);                  // any field, by the user
    void liveValueChanged(const QString& key, double value);   // live-tunable numeric fields

private:
    QWidget* makeField(const ParamSpec& spec);
    void setFieldValue(const ParamSpec& spec, QWidget* field, const nlohmann::json& value);
    nlohmann::json fieldValue(const ParamSpec& spec, QWidget* field) const;
    void followConditions();   // ranges and enabled fields from the values now
    // The user picked a value of `key`: the settings it brings with it
    // (ParamSpec::implies: linear activations bring output linear-mse).
    void followImplications(const QString& key);

    QFormLayout* m_layout;
    std::vector<ParamSpec> m_specs;
    std::map<std::string, QWidget*> m_fields;
    bool m_locked = false;
    bool m_hideAdvanced = false;
    bool m_settingValues = false;
};

} // namespace aelab::ui
