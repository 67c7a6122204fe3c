#pragma once
// What sets the compared runs apart: one row per run, a column for each
// setting on which they differ (only those: the rest is shared and listed
// in the caption's tooltip) and the final figures beside them.
#include "worker/UiTypes.h"

#include <QTableWidget>

#include <vector>

namespace aelab::ui {

class DifferenceTable : public QTableWidget {
    Q_OBJECT
public:
    explicit DifferenceTable(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunRecordPtr>& runs);
    // The setting keys shown as columns ("lr", "batch", ...).
    QStringList differingKeys() const { return m_keys; }

private:
    QStringList m_keys;
};

} // namespace aelab::ui
