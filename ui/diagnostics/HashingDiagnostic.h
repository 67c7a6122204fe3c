#pragma once
// `hashing`: pick a query among the probe images; its nearest neighbours in
// the probe set by Hamming distance between the binary codes (with their
// distances and codes), the same query by Euclidean distance in pixel space
// beside them, and precision against the Hamming radius
// (core/explore/HashSearch.h).
#include "diagnostics/DiagnosticPanel.h"

#include <vector>

class QCPGraph;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;

namespace aelab::ui {

class ImageGrid;

class HashingDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kNeighbours = 8;

    HashingDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void consume(const Snapshot& snapshot) override;   // the probe set's size bounds the sample number
    void clear() override;

    void setQuery(int index);
    void sampleChosen(int index) override { setQuery(index); }
    int query() const;
    const std::vector<double>& hammingDistances() const { return m_hamming; }
    const std::vector<double>& euclideanDistances() const { return m_euclidean; }
    const std::vector<double>& precisionByRadius() const { return m_precision; }
    QString codesText() const;

private:
    QSpinBox* m_query;
    QPushButton* m_random;
    ImageGrid* m_images;
    QLabel* m_codes;
    QCustomPlot* m_plot;
    QCPGraph* m_curve;
    QLabel* m_caption;
    std::vector<double> m_hamming, m_euclidean, m_precision;
    unsigned m_randomState = 12345;
};

} // namespace aelab::ui
