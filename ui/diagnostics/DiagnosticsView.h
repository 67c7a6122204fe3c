#pragma once
// The Diagnostics tab: one panel per variant (DiagnosticPanel), the one for
// the current run's variant shown and enabled, every other one disabled. The
// shown panel asks the worker again as views snapshots arrive (at most every
// kRefreshMs, while the tab is visible and no request is in flight), at a
// run's end, and on Refresh.
#include "window/View.h"
#include "worker/UiTypes.h"

#include <QElapsedTimer>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace aelab::ui {

class DiagnosticPanel;
class ExploreClient;
class TrainingController;

class DiagnosticsView : public View {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 1200;

    DiagnosticsView(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void setVariant(const VariantInfo* variant) override;   // of the model the worker holds
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void request();                           // the active panel, now

    DiagnosticPanel* activePanel() const;     // null when no panel applies
    DiagnosticPanel* panel(const QString& key) const;
    const std::vector<DiagnosticPanel*>& panels() const { return m_panels; }
    QString noneText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void choose();
    void showPanel(DiagnosticPanel* active);   // null: none applies

    ExploreClient* m_client;
    QLabel* m_title;
    QComboBox* m_chooser;   // the panels that apply, when more than one does
    QPushButton* m_refresh;
    QStackedWidget* m_stack;
    QLabel* m_none;
    std::vector<DiagnosticPanel*> m_panels;
    DatasetPtr m_data;
    const VariantInfo* m_variant = nullptr;
    DiagnosticPanel* m_active = nullptr;
    QElapsedTimer m_since;
};

} // namespace aelab::ui
