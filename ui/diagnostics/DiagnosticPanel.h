#pragma once
// One diagnostic in the Diagnostics tab. A panel applies to the variants
// whose traits name its key (VariantTraits::diagnostics), asks the worker
// for what it shows (request()), and may keep what snapshots bring (the
// stacked loss curve). The Diagnostics tab shows the panel of the current
// run's variant and disables the others.
#include "worker/ExploreClient.h"
#include "worker/UiTypes.h"

#include <QWidget>

namespace aelab::ui {

class DiagnosticPanel : public QWidget {
    Q_OBJECT
public:
    DiagnosticPanel(const QString& key, const QString& title, ExploreClient* client, QWidget* parent);

    QString key() const { return m_key; }            // "activations", "posterior", ..., "field"
    QString title() const { return m_title; }
    // Whether the variant's traits name this panel (and the data suits it).
    virtual bool appliesTo(const VariantInfo& variant, const Dataset& data) const;
    virtual void request() = 0;
    virtual void consume(const Snapshot&) {}
    // The user chose a probe sample (a click on the latent map): panels that
    // look at one sample follow it.
    virtual void sampleChosen(int) {}
    virtual void clear() { m_hasResult = false; }
    virtual bool refreshesLive() const { return true; }   // false: only on demand and at a run's end

    bool hasResult() const { return m_hasResult; }
    void setShape(const SampleShape& shape) { m_shape = shape; }
    void setClassNames(const std::vector<std::string>& names) { m_classNames = names; }

signals:
    void updated();

protected:
    // Submits a job under this panel's key; `show` runs on success, then
    // updated() is emitted.
    void ask(ExploreJob job, std::function<void(const std::any&)> show);
    QString className(int label) const;

    ExploreClient* m_client;
    SampleShape m_shape;
    std::vector<std::string> m_classNames;
    bool m_hasResult = false;

private:
    QString m_key;
    QString m_title;
};

} // namespace aelab::ui
