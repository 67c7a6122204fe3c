#pragma once
// Code spread: for each latent dimension, how far the probe set's codes
// spread along it (standard deviation, bars) and where they sit (mean,
// dots), from the codes each views snapshot brings (core/explore/CodeSpread).
// A dimension with no spread carries nothing about the input; for a variant
// whose codes are pulled towards N(0, I) (its traits say so) a line marks
// the prior's spread, 1.
#include "window/View.h"

#include "explore/CodeSpread.h"

class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class CodeSpreadView : public View {
    Q_OBJECT
public:
    explicit CodeSpreadView(QWidget* parent = nullptr);

    void setVariant(const VariantInfo* variant) override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;

    const CodeSpread& spread() const { return m_spread; }
    bool showsPriorLine() const;

private:
    QCustomPlot* m_plot;
    QCPBars* m_stddev;
    QCPGraph* m_mean;
    QCPItemStraightLine* m_priorLine;
    QLabel* m_caption;
    CodeSpread m_spread;
    bool m_dirty = false;
};

} // namespace aelab::ui
