#pragma once
// Editors for single hyperparameters, each enforcing its spec's range:
// RealSpinBox (plain or log-scale stepping, scientific notation) and
// IntListEdit ("512,256"). Text out of range is not accepted: the field
// turns red, says why in its tooltip, and keeps its last valid value. The
// numeric fields take a narrower range while another value asks for one
// (a spec's RangeWhen: the noise level is a fraction under masking).
#include "models/ParamSpec.h"

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QLineEdit>
#include <QValidator>

#include <vector>

namespace aelab::ui {

class RealSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    RealSpinBox(const ParamSpec& spec, QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
    void stepBy(int steps) override;
    // The range that applies now (the spec's own, or a RangeWhen's); a value
    // outside it moves to its nearest end.
    void setBounds(double min, double max, const QString& why);
    QString rangeText() const;

private:
    void markValidity(const QString& text);

    ParamSpec m_spec;
    QString m_help;
    QString m_why;
};

class IntSpinBox : public QSpinBox {
    Q_OBJECT
public:
    IntSpinBox(const ParamSpec& spec, QWidget* parent = nullptr);
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
    void setBounds(double min, double max, const QString& why);
    QString rangeText() const;

private:
    ParamSpec m_spec;
    QString m_help;
    QString m_why;
};

class IntListValidator : public QValidator {
public:
    IntListValidator(const ParamSpec& spec, QObject* parent) : QValidator(parent), m_spec(spec) {}
    State validate(QString& text, int& pos) const override;

private:
    ParamSpec m_spec;
};

class IntListEdit : public QLineEdit {
    Q_OBJECT
public:
    IntListEdit(const ParamSpec& spec, QWidget* parent = nullptr);
    QString value() const { return m_value; }     // the last accepted text
    void setValue(const QString& text);

signals:
    void valueChanged(const QString& text);

protected:
    void focusOutEvent(QFocusEvent* event) override;

private:
    ParamSpec m_spec;
    QString m_value;
    QString m_help;
};

// Marks an editor as holding text that will not be accepted.
void setInvalidLook(QWidget* field, bool invalid, const QString& help, const QString& why);

// A field's tooltip: the spec's help (translated) and its range.
QString fieldHelp(const ParamSpec& spec);

} // namespace aelab::ui
