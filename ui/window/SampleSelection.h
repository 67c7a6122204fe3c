#pragma once
// The probe sample the user chose last (a point clicked on the latent map):
// shared by the views that look at one sample (the explorer, the Jacobian
// and retrieval diagnostics), so they follow each other without the window
// wiring them together.
#include <QObject>

namespace aelab::ui {

class SampleSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    int sample() const { return m_sample; }
    void choose(int sample);   // emits chosen() (also when it is the same again: a repeated click asks again)
    void clear() { m_sample = -1; }

signals:
    void chosen(int sample);

private:
    int m_sample = -1;
};

} // namespace aelab::ui
