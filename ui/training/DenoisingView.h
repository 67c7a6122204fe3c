#pragma once
// Denoising: clean, corrupted and reconstructed rows of the same fixed
// images, a noise type and a level slider that re-corrupt them live (the
// worker recomputes on request, also while paused and after training), and
// the PSNR of the corrupted and of the reconstructed images. Any variant
// can be tried; `dae` is the one trained for it. The view tells the worker
// its corruption itself (through the context's controller).
#include "widgets/LiveText.h"
#include "data/Corruption.h"
#include "data/Dataset.h"
#include "train/Snapshot.h"
#include "window/View.h"

class QComboBox;
class QLabel;
class QSlider;
class QStackedWidget;

namespace aelab::ui {

class ImageGrid;

class DenoisingView : public View {
    Q_OBJECT
public:
    explicit DenoisingView(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;

    CorruptionSpec corruption() const;
    void setCorruption(const CorruptionSpec& spec);   // moves the controls (emits)
    int imageCount() const;
    QString psnrText() const;

    static constexpr int kSliderSteps = 100;

signals:
    void corruptionChanged(const aelab::CorruptionSpec& spec);

private:
    void updateLevelLabel();

    QComboBox* m_kind;
    QSlider* m_level;
    QLabel* m_levelLabel;
    LiveText* m_psnr;
    QStackedWidget* m_stack;
    ImageGrid* m_grid;
    QLabel* m_notApplicable;
};

} // namespace aelab::ui
