#include "form/HyperParamForm.h"

#include "i18n/CoreText.h"
#include "form/ParamFields.h"

#include "models/HyperParams.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>

#include <climits>

namespace aelab::ui {

HyperParamForm::HyperParamForm(QWidget* parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    setObjectName("hyperParamForm");
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

QWidget* HyperParamForm::makeField(const ParamSpec& spec)
{
    const QString help = fieldHelp(spec) + (spec.liveTunable ? tr("  (can change while training)") : QString());
    const QString key = QString::fromStdString(spec.key);
    QWidget* field = nullptr;
    // A numeric field's edit by the user; live-tunable ones also reach a running training.
    const auto edited = [this, key, live = spec.liveTunable](double v) {
        if (m_settingValues)
            return;
        emit valueEdited(key);
        if (live)
            emit liveValueChanged(key, v);
    };
    switch (spec.type) {
    case ParamType::Int: {
        auto* box = new IntSpinBox(spec, this);
        connect(box, &QSpinBox::valueChanged, this, [edited](int v) { edited(double(v)); });
        field = box;
        break;
    }
    case ParamType::Real: {
        auto* box = new RealSpinBox(spec, this);
        connect(box, &QDoubleSpinBox::valueChanged, this, edited);
        field = box;
        break;
    }
    case ParamType::Bool: {
        auto* box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, [this, edited](bool on) {
            followConditions();
            edited(on ? 1.0 : 0.0);
        });
        field = box;
        break;
    }
    case ParamType::Choice: {
        auto* box = new QComboBox(this);
        for (const auto& c : spec.choices)
            box->addItem(QString::fromStdString(c));
        // Values this variant refuses are listed, greyed, with the reason.
        for (const RefusedChoice& r : spec.refused) {
            box->addItem(QString::fromStdString(r.value));
            const int i = box->count() - 1;
            if (auto* model = qobject_cast<QStandardItemModel*>(box->model()))
                model->item(i)->setEnabled(false);
            box->setItemData(i, tr("Refused: %1").arg(coreText(r.why)), Qt::ToolTipRole);
        }
        connect(box, &QComboBox::currentIndexChanged, this, [this, key] {
            followConditions();
            if (!m_settingValues) {
                emit valueEdited(key);
                followImplications(key);
            }
        });
        field = box;
        break;
    }
    case ParamType::IntList: {
        auto* edit = new IntListEdit(spec, this);
        connect(edit, &IntListEdit::valueChanged, this, [this, key] {
            if (!m_settingValues)
                emit valueEdited(key);
        });
        field = edit;
        break;
    }
    }
    field->setObjectName("param_" + key);
    field->setToolTip(help);
    field->setProperty("liveTunable", spec.liveTunable);
    return field;
}

void HyperParamForm::setFieldValue(const ParamSpec& spec, QWidget* field, const nlohmann::json& value)
{
    HyperParams hp;
    hp.set(spec, value);   // normalised and checked
    switch (spec.type) {
    case ParamType::Int: static_cast<QSpinBox*>(field)->setValue(hp.integer(spec.key)); break;
    case ParamType::Real: static_cast<RealSpinBox*>(field)->setValue(hp.real(spec.key)); break;
    case ParamType::Bool: static_cast<QCheckBox*>(field)->setChecked(hp.flag(spec.key)); break;
    case ParamType::Choice: {
        auto* box = static_cast<QComboBox*>(field);
        box->setCurrentIndex(box->findText(QString::fromStdString(hp.choice(spec.key))));
        break;
    }
    case ParamType::IntList:
        static_cast<IntListEdit*>(field)->setValue(QString::fromStdString(hp.text(spec.key)));
        break;
    }
}

nlohmann::json HyperParamForm::fieldValue(const ParamSpec& spec, QWidget* field) const
{
    switch (spec.type) {
    case ParamType::Int: return static_cast<QSpinBox*>(field)->value();
    case ParamType::Real: return static_cast<RealSpinBox*>(field)->value();
    case ParamType::Bool: return static_cast<QCheckBox*>(field)->isChecked();
    case ParamType::Choice: return static_cast<QComboBox*>(field)->currentText().toStdString();
    case ParamType::IntList: return parseValue(spec, static_cast<IntListEdit*>(field)->value().toStdString());
    }
    return {};
}

void HyperParamForm::setSpecs(const std::vector<ParamSpec>& specs, const nlohmann::json& values)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
    m_specs = specs;

    // Sections in the order their group first appears.
    std::vector<std::string> groups;
    for (const auto& s : specs)
        if (std::find(groups.begin(), groups.end(), s.group) == groups.end())
            groups.push_back(s.group);
    for (const std::string& group : groups) {
        auto* title = new QLabel("<b>" + coreText(group).toHtmlEscaped() + "</b>", this);
        m_layout->addRow(title);
        for (const auto& spec : specs) {
            if (spec.group != group)
                continue;
            QWidget* field = makeField(spec);
            m_fields[spec.key] = field;
            auto* label = new QLabel(coreText(spec.label) + (spec.liveTunable ? " ⟳" : ""), this);
            label->setToolTip(field->toolTip());
            label->setBuddy(field);
            m_layout->addRow(label, field);
        }
    }
    setValues(HyperParams::defaults(specs).json());
    setValues(values);
    setTrainingLocked(m_locked);
}

void HyperParamForm::setValues(const nlohmann::json& values)
{
    if (!values.is_object())
        return;
    m_settingValues = true;
    for (const auto& spec : m_specs) {
        if (!values.contains(spec.key))
            continue;
        try {
            setFieldValue(spec, m_fields.at(spec.key), values[spec.key]);
        } catch (const std::exception&) {
            // A value that does not fit this variant's spec: keep the field's.
        }
    }
    m_settingValues = false;
    followConditions();
}

nlohmann::json HyperParamForm::values() const
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& spec : m_specs)
        j[spec.key] = fieldValue(spec, m_fields.at(spec.key));
    return j;
}

QWidget* HyperParamForm::field(const QString& key) const
{
    const auto it = m_fields.find(key.toStdString());
    return it == m_fields.end() ? nullptr : it->second;
}

void HyperParamForm::setTrainingLocked(bool locked)
{
    m_locked = locked;
    followConditions();
}

bool HyperParamForm::applies(const QString& key) const
{
    const ParamSpec* spec = findSpec(m_specs, key.toStdString());
    if (!spec || !spec->appliesWhen || !findSpec(m_specs, spec->appliesWhen->key))
        return spec != nullptr;
    HyperParams hp;
    const ParamSpec& other = *findSpec(m_specs, spec->appliesWhen->key);
    hp.set(other, fieldValue(other, m_fields.at(other.key)));
    return hp.holds(*spec->appliesWhen);
}

bool HyperParamForm::isAdvancedSetting(const QString& key)
{
    static const QStringList advanced = {"optimizer", "momentum", "clip", "activation", "output", "sigma",
                                         "channels", "up", "lr-disc", "lr-gen", "disc-hidden", "pretrain-noise",
                                         "pretrain-sparsity", "missing-strength", "prior-spread"};
    return advanced.contains(key);
}

void HyperParamForm::setAdvancedHidden(bool hidden)
{
    m_hideAdvanced = hidden;
    followConditions();
}

void HyperParamForm::followImplications(const QString& key)
{
    const ParamSpec* spec = findSpec(m_specs, key.toStdString());
    if (!spec)
        return;
    const nlohmann::json value = fieldValue(*spec, m_fields.at(spec->key));
    for (const ParamImplication& i : spec->implies) {
        const ParamSpec* other = findSpec(m_specs, i.key);
        if (!other || value != i.value)
            continue;
        const nlohmann::json to = parseValue(*other, i.to);
        if (fieldValue(*other, m_fields.at(other->key)) != to)
            setFieldValue(*other, m_fields.at(other->key), to);   // an edit of the user's: it is remembered
    }
}

void HyperParamForm::followConditions()
{
    if (m_fields.size() != m_specs.size())
        return;   // still being built
    HyperParams now;
    for (const auto& spec : m_specs)
        if (spec.type == ParamType::Choice || spec.type == ParamType::Bool)
            now.set(spec, fieldValue(spec, m_fields.at(spec.key)));
    for (const auto& spec : m_specs) {
        QWidget* field = m_fields.at(spec.key);
        const bool matters = applies(QString::fromStdString(spec.key));
        field->setEnabled((!m_locked || spec.liveTunable) && matters);
        // out of the way: the form fits a 720-pixel screen
        m_layout->setRowVisible(field, matters && !(m_hideAdvanced && isAdvancedSetting(QString::fromStdString(spec.key))));
        if (spec.rangesWhen.empty())
            continue;
        const RangeWhen* r = now.rangeFor(spec);
        const double min = r ? r->min : spec.min, max = r ? r->max : spec.max;
        const QString why = r ? coreText(r->why) : QString();
        const bool quiet = m_settingValues;
        m_settingValues = true;   // a value the bounds move is not the user's edit
        if (auto* real = qobject_cast<RealSpinBox*>(field))
            real->setBounds(min, max, why);
        else if (auto* integer = qobject_cast<IntSpinBox*>(field))
            integer->setBounds(min, max, why);
        m_settingValues = quiet;
    }
}

} // namespace aelab::ui
