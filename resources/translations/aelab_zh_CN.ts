<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/PlotStyle.cpp" line="+37"/>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <location line="+8"/>
        <source>Could not write %1 (check the folder exists and is writable).</source>
        <translation>无法写入 %1（请检查文件夹是否存在且可写）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::AaeDiagnostic</name>
    <message>
        <location filename="../../ui/AaeDiagnostic.cpp" line="+29"/>
        <source>Prior samples over the encoded codes</source>
        <translation>先验样本与潜在编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>prior samples z ~ p(z)</source>
        <translation>先验样本 z ~ p(z)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>codes E(x): %1</source>
        <translation>编码 E(x)：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>codes E(x) of the probe set</source>
        <translation>探针集的编码 E(x)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Prior: %1. Grey: %2 samples of the prior; in colour: the codes of the %2 probe samples, by class. The discriminator pushes the codes to cover the prior.</source>
        <translation>先验：%1。灰色：%2 个先验样本；彩色：%2 个探针样本的编码，按类别着色。判别器推动编码覆盖先验。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::CaeDiagnostic</name>
    <message>
        <location filename="../../ui/CaeDiagnostic.cpp" line="+35"/>
        <source>Jacobian singular values and tangent directions at a point</source>
        <translation>某点处的雅可比奇异值与切方向</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>probe sample #</source>
        <translation>探针样本 #</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or click a point in the Latent explorer</source>
        <translation>或在“潜在空间探索”中单击一个点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>singular value sₖ of dh/dx</source>
        <translation>dh/dx 的奇异值 sₖ</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>x, r(x)</source>
        <translation>x, r(x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tangents vₖ</source>
        <translation>切向量 vₖ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>r(x + %1 vₖ)</source>
        <translation>r(x + %1 vₖ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sample #%1 (%2): ‖J‖_F = %3, s₁ = %4; %5 of %6 singular values above s₁/10. Large sₖ: directions the code follows (the manifold&apos;s tangents); the rest are contracted away.</source>
        <translation>样本 #%1（%2）：‖J‖_F = %3，s₁ = %4；%6 个奇异值中有 %5 个大于 s₁/10。sₖ 较大的方向：编码随之变化的方向（流形的切向）；其余方向被收缩掉。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ControlPanel</name>
    <message>
        <location filename="../../ui/ControlPanel.cpp" line="+40"/>
        <source>The data to train on; File &gt; Open adds an IDX pair, a CSV file or a folder of images</source>
        <translation>用于训练的数据；可通过“文件 &gt; 打开”添加 IDX 文件对、CSV 文件或图像文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use only the first N training samples (all: the whole set)</source>
        <translation>只使用前 N 个训练样本（全部：使用整个数据集）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Passes over the training set</source>
        <translation>遍历训练集的次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seeds the weights, the shuffling and the split: the same seed gives the same run</source>
        <translation>用于权重初始化、打乱和数据划分的随机种子：相同种子得到相同的运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No dataset loaded.</source>
        <translation>未加载数据集。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1×%2 images</source>
        <translation>%1×%2 图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1-D points</source>
        <translation>%1 维点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlabelled</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 train / %2 test, %3, %4</source>
        <translation>训练 %1 / 测试 %2，%3，%4</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DenoisingView</name>
    <message>
        <location filename="../../ui/DenoisingView.cpp" line="+27"/>
        <source>The corruption applied to the clean images</source>
        <translation>施加到干净图像上的损坏类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noise level: sigma for Gaussian noise, the fraction of pixels otherwise</source>
        <translation>噪声强度：高斯噪声为 sigma，其他类型为像素比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peak signal-to-noise ratio against the clean images (peak 1); higher is closer</source>
        <translation>相对干净图像的峰值信噪比（峰值为 1）；越高越接近</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>σ = %1</source>
        <translation>σ = %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Denoising is shown on images, and %1 is point data.
Pick an image dataset (Fashion-MNIST, shapes, an IDX pair or a folder of images) to see it.</source>
        <translation>去噪仅在图像上展示，而 %1 是点数据。
请选择图像数据集（Fashion-MNIST、shapes、IDX 文件对或图像文件夹）进行查看。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PSNR: —</source>
        <translation>PSNR: —</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>corrupted</source>
        <translation>加噪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reconstructed</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PSNR corrupted %1 dB → reconstructed %2 dB</source>
        <translation>PSNR：加噪 %1 dB → 重构 %2 dB</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DiagnosticPanel</name>
    <message>
        <location filename="../../ui/DiagnosticPanel.cpp" line="+25"/>
        <source>unlabelled</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DiagnosticsView</name>
    <message>
        <location filename="../../ui/DiagnosticsView.cpp" line="+23"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train or open a model: its variant&apos;s diagnostic appears here.</source>
        <translation>训练或打开一个模型后，其变体的诊断会显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No diagnostic for %1 on this dataset. The vector field is for ae and dae on a 2-D set (moons, circles, spiral, gaussians); sparse, vae, aae, cae, masked, hashing and stacked each have their own.</source>
        <translation>%1 在此数据集上没有诊断。向量场适用于二维数据集（moons、circles、spiral、gaussians）上的 ae 和 dae；sparse、vae、aae、cae、masked、hashing 和 stacked 各有专属诊断。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ExploreMapView</name>
    <message>
        <location filename="../../ui/ExploreMapView.cpp" line="+42"/>
        <source>Hover a point to see its image and reconstruction; click one to keep it; click empty space to decode it; drag between two places for an interpolation.</source>
        <translation>悬停在点上可查看其图像和重构；单击可固定该点；单击空白处可解码该位置；在两处之间拖动可进行插值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Principal components</source>
        <translation>主成分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent dimensions</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes wider than 2: look at their first two principal components, or at two dimensions</source>
        <translation>编码超过 2 维时：查看前两个主成分，或任选两个维度</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scrub back through the codes kept during the run; the right end follows training</source>
        <translation>回看运行期间保存的编码；拖到最右端则跟随训练</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the probe codes are kept for the timeline (doubles when the run grows long)</source>
        <translation>为时间轴保存探针编码的间隔（运行变长时自动加倍）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plane:</source>
        <translation>平面：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timeline:</source>
        <translation>时间轴：</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>step %1 (%2 of %3)</source>
        <translation>第 %1 步（%2/%3）</translation>
    </message>
</context>
<context>
    <name>aelab::ui::FeaturesView</name>
    <message>
        <location filename="../../ui/FeaturesView.cpp" line="+37"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which encoder layer&apos;s filters to show</source>
        <translation>要显示哪一层编码器的滤波器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The encoder&apos;s first-layer filters appear here once there is a model.</source>
        <translation>有模型后，编码器第一层的滤波器会显示在这里。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mean activation over the probe set</source>
        <translation>探针集上的平均激活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code units</source>
        <translation>编码单元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 code units; mean activations from %2 to %3.</source>
        <translation>%1 个编码单元；平均激活从 %2 到 %3。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This model has no encoder weights to show.</source>
        <translation>此模型没有可显示的编码器权重。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the samples are not images, so the filters are not shown as tiles.</source>
        <translation>%1：样本不是图像，因此滤波器不以图块显示。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1; %2 of %3 shown. Grey is 0, white positive, black negative (each tile scaled on its own).</source>
        <translation>%1；显示 %3 个中的 %2 个。灰色为 0，白色为正，黑色为负（每个图块单独缩放）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::FieldDiagnostic</name>
    <message>
        <location filename="../../ui/FieldDiagnostic.cpp" line="+26"/>
        <source>Reconstruction vector field r(x) − x</source>
        <translation>重构向量场 r(x) − x</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>data (probe set)</source>
        <translation>数据（探针集）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Arrows: r(x) − x on a %1 x %1 lattice (drawn to scale). Mean length %2; mean cosine with the direction to the nearest data point %3 (1: every arrow points at the data).</source>
        <translation>箭头：%1 x %1 网格上的 r(x) − x（按比例绘制）。平均长度 %2；与指向最近数据点方向的平均余弦 %3（1 表示每个箭头都指向数据）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::HashingDiagnostic</name>
    <message>
        <location filename="../../ui/HashingDiagnostic.cpp" line="+50"/>
        <source>Retrieval by Hamming distance, beside pixel distance</source>
        <translation>按汉明距离检索，并与像素距离对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random query</source>
        <translation>随机查询</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>query: probe sample #</source>
        <translation>查询：探针样本 #</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hamming radius r</source>
        <translation>汉明半径 r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>precision within r</source>
        <translation>半径 r 内的精确率</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Hamming</source>
        <translation>汉明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pixels (L2)</source>
        <translation>像素 (L2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>query #%1  %2  %3
</source>
        <translation>查询 #%1  %2  %3
</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1-bit codes. Of the %2 nearest, %3 share the query&apos;s class by Hamming distance, %4 by pixel distance. The curve: the fraction of the items within Hamming radius r that share the query&apos;s class.</source>
        <translation>%1 位编码。最近的 %2 个中，按汉明距离有 %3 个与查询同类，按像素距离有 %4 个。曲线：汉明半径 r 内与查询同类的项所占比例。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::IntSpinBox</name>
    <message>
        <location filename="../../ui/ParamFields.cpp" line="+101"/>
        <source>%1 is not accepted: %2 must be in %3</source>
        <translation>不接受 %1：%2 必须在 %3 内</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LatentExplorer</name>
    <message>
        <location filename="../../ui/LatentExplorer.cpp" line="+65"/>
        <source>Interpolate</source>
        <translation>插值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hover or click a point of the map.</source>
        <translation>悬停或单击图中的点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click empty space in the map to decode that point.</source>
        <translation>单击图中空白处以解码该点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag in the map from one place to another, or pick two samples.</source>
        <translation>在图中从一处拖到另一处，或选择两个样本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from #</source>
        <translation>从 #</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to #</source>
        <translation>到 #</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A probe sample (hover a point to see its number)</source>
        <translation>探针样本（悬停在点上可查看编号）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Latent map</source>
        <translation>潜在空间图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifold grid</source>
        <translation>流形网格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded point</source>
        <translation>解码点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+188"/>
        <source>The manifold grid decodes images; this dataset&apos;s samples are points.</source>
        <translation>流形网格解码的是图像；此数据集的样本是点。</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>unlabelled</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1: %2, code %3</source>
        <translation>#%1：%2，编码 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>#%1: %2
x = %3
reconstruction %4
code %5</source>
        <translation>#%1：%2
x = %3
重构 %4
编码 %5</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>decode of z = %1</source>
        <translation>z = %1 的解码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decode of z = %1:
x = %2</source>
        <translation>z = %1 的解码：
x = %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a point</source>
        <translation>一个点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from %1 %2 to %3 %4</source>
        <translation>从 %1 %2 到 %3 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 decodes %2</source>
        <translation>%1 个解码，%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: x from %2 to %3</source>
        <translation>%1：x 从 %2 到 %3</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Gaussian quantiles Φ⁻¹((i + ½)/%1) along %2 and %3</source>
        <translation>沿 %2 和 %3 的高斯分位数 Φ⁻¹((i + ½)/%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the map&apos;s visible range</source>
        <translation>潜在空间图的可见范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 x %1 decodes over %2.</source>
        <translation>%1 x %1 个解码，范围：%2。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LatentMapView</name>
    <message>
        <location filename="../../ui/LatentMapView.cpp" line="+31"/>
        <source>Codes of the held-out probe set appear here while training.</source>
        <translation>训练时，留出探针集的编码会显示在这里。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 probe samples; %2-D codes shown by their first two principal components</source>
        <translation>%1 个探针样本；%2 维编码，按前两个主成分显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 probe samples, %2-D codes</source>
        <translation>%1 个探针样本，%2 维编码</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LossView</name>
    <message>
        <location filename="../../ui/LossView.cpp" line="+20"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+232"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot the loss against the optimisation step or the epoch</source>
        <translation>以优化步数或轮次为横轴绘制损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic loss axis</source>
        <translation>损失轴使用对数刻度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Smoothing of the training curves (exponential moving average)</source>
        <translation>训练曲线的平滑程度（指数移动平均）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+37"/>
        <source> (train)</source>
        <translation>（训练）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (validation)</source>
        <translation>（验证）</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>aelab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+134"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train a new model with these settings</source>
        <translation>用当前设置训练新模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+298"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one batch, then pause</source>
        <translation>训练一个批次后暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop training, keeping the model</source>
        <translation>停止训练并保留模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop and clear the model and the views</source>
        <translation>停止并清除模型和视图</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+295"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="-294"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;data file (IDX, CSV)…</source>
        <translation>打开数据文件 (IDX, CSV)(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image &amp;folder…</source>
        <translation>打开图像文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export plot</source>
        <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss…</source>
        <translation>损失…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent map…</source>
        <translation>潜在空间图…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconstructions…</source>
        <translation>重构…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising…</source>
        <translation>去噪…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latent explorer…</source>
        <translation>潜在空间探索…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifold grid…</source>
        <translation>流形网格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features…</source>
        <translation>特征…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnostics…</source>
        <translation>诊断…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes the next time aelab starts.</source>
        <translation>语言将在下次启动 aelab 时更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About aelab</source>
        <translation>关于 aelab(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent map</source>
        <translation>潜在空间图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconstructions</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising</source>
        <translation>去噪</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent explorer</source>
        <translation>潜在空间探索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Training %1 on %2 (%3 parameters)</source>
        <translation>正在 %2 上训练 %1（%3 个参数）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved the model to %1</source>
        <translation>模型已保存到 %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown hyperparameter</source>
        <translation>未知超参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has no hyperparameter &apos;%2&apos;.</source>
        <translation>%1 没有超参数“%2”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot use --param %1=%2</source>
        <translation>无法使用 --param %1=%2</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+1"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 loaded. Press Train (F5) to start.</source>
        <translation>%1 已加载。按“训练”(F5) 开始。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot load the dataset %1</source>
        <translation>无法加载数据集 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kept %1.</source>
        <translation>仍使用 %1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No dataset loaded.</source>
        <translation>未加载数据集。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+38"/>
        <source>Paused at step %1. Resume (F6), Step (F7) or Stop.</source>
        <translation>已在第 %1 步暂停。可继续 (F6)、单步 (F7) 或停止。</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>epoch %1/%2 · batch %3/%4</source>
        <translation>轮次 %1/%2 · 批次 %3/%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 samples/s</source>
        <translation> · %1 样本/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · ETA %1</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · done</source>
        <translation> · 完成</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not started.</source>
        <translation>未开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diverged %1</source>
        <translation>已发散：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped: %1. The model is kept: save it, or try the denoising slider.</source>
        <translation>已停止：%1。模型已保留：可以保存，或试试去噪滑块。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Opened %1: %2 with latent size %3, trained on %4.</source>
        <translation>已打开 %1：%2，潜在维度 %3，训练数据 %4。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is no model yet: train one or open one first.</source>
        <translation>还没有模型：请先训练或打开一个模型。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is no view called &apos;%1&apos;.</source>
        <translation>没有名为“%1”的视图。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export the plot</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *-ubyte *-ubyte.gz *.idx *.idx3-ubyte *.gz);;CSV (*.csv);;All files (*)</source>
        <translation>数据文件 (*.csv *-ubyte *-ubyte.gz *.idx *.idx3-ubyte *.gz);;CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a folder of images or IDX files</source>
        <translation>打开包含图像或 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aelab models (*.safetensors);;All files (*)</source>
        <translation>aelab 模型 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aelab models (*.safetensors)</source>
        <translation>aelab 模型 (*.safetensors)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About aelab</source>
        <translation>关于 aelab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;aelab %1&lt;/h3&gt;&lt;p&gt;Autoencoder Lab: train autoencoders and watch them learn.&lt;/p&gt;&lt;p&gt;aelab is free software under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Plots are drawn with QCustomPlot by Emanuel Eichhammer (GPL-3.0); the window uses Qt %2; the numerics use Eigen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;aelab %1&lt;/h3&gt;&lt;p&gt;Autoencoder Lab（自编码器实验室）：训练自编码器，观察它们如何学习。&lt;/p&gt;&lt;p&gt;aelab 是自由软件，依据 GNU 通用公共许可证第 3 版或（由您选择）任何更高版本（GPL-3.0-or-later）发布。&lt;/p&gt;&lt;p&gt;图表使用 Emanuel Eichhammer 的 QCustomPlot 绘制（GPL-3.0）；窗口使用 Qt %2；数值计算使用 Eigen。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ManifoldGridView</name>
    <message>
        <location filename="../../ui/ManifoldGridView.cpp" line="+15"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode grid</source>
        <translation>解码网格</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tiles a side: the grid decodes n x n latent points</source>
        <translation>每边图块数：网格解码 n x n 个潜在点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decode the grid again as training goes on and as the map&apos;s view changes</source>
        <translation>随训练进行和潜在空间图视野变化重新解码网格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decodes an n x n lattice over the latent map&apos;s visible range.</source>
        <translation>在潜在空间图的可见范围内解码 n x n 网格。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::MaskedDiagnostic</name>
    <message>
        <location filename="../../ui/MaskedDiagnostic.cpp" line="+22"/>
        <source>Imputation under MCAR, MAR and MNAR</source>
        <translation>MCAR、MAR 和 MNAR 下的插补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the comparison</source>
        <translation>运行对比</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>missing</source>
        <translation>缺失率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>autoencoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RMSE on the test set&apos;s missing entries; every method fitted on the training set&apos;s observed entries. Computed at a run&apos;s end, or press Run.</source>
        <translation>测试集缺失项上的 RMSE；各方法均在训练集的观测项上拟合。在运行结束时计算，或点击“运行对比”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not run the comparison: %1</source>
        <translation>无法运行对比：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fitting the baselines and imputing under each mechanism…</source>
        <translation>正在拟合基线并按各缺失机制插补…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> original</source>
        <translation> 原图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>masked</source>
        <translation>掩码后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imputed</source>
        <translation>插补后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RMSE on the test set&apos;s missing entries (lower is better); red pixels are missing. Every method was fitted on the training set&apos;s observed entries.</source>
        <translation>测试集缺失项上的 RMSE（越低越好）；红色像素为缺失。各方法均在训练集的观测项上拟合。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RealSpinBox</name>
    <message>
        <location filename="../../ui/ParamFields.cpp" line="-34"/>
        <source>%1 is not accepted: %2 must be in %3</source>
        <translation>不接受 %1：%2 必须在 %3 内</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ReconstructionView</name>
    <message>
        <location filename="../../ui/ReconstructionView.cpp" line="+22"/>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+40"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Originals over their reconstructions appear here while training.</source>
        <translation>训练时，原图及其下方的重构会显示在这里。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A fixed row of held-out images (top) and their reconstructions (bottom).</source>
        <translation>一行固定的留出图像（上）及其重构（下）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is point data: its held-out points (grey) and their reconstructions.</source>
        <translation>%1 是点数据：留出的点（灰色）及其重构。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>original</source>
        <translation>原图</translation>
    </message>
</context>
<context>
    <name>aelab::ui::SparseDiagnostic</name>
    <message>
        <location filename="../../ui/SparseDiagnostic.cpp" line="+15"/>
        <source>Mean activation per unit against the target rho</source>
        <translation>各单元平均激活与目标 rho 的对比</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mean activation ρ̂ⱼ</source>
        <translation>平均激活 ρ̂ⱼ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>code unit</source>
        <translation>编码单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean activation over the probe set</source>
        <translation>探针集上的平均激活</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Target ρ = %1 (dashed). Mean of ρ̂ⱼ = %2; %3 of %4 units within ±50% of ρ.</source>
        <translation>目标 ρ = %1（虚线）。ρ̂ⱼ 的均值 = %2；%4 个单元中有 %3 个在 ρ 的 ±50% 以内。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::StackedDiagnostic</name>
    <message>
        <location filename="../../ui/StackedDiagnostic.cpp" line="+20"/>
        <source>Greedy phases on the loss curve, filters of each layer</source>
        <translation>损失曲线上的逐层贪婪阶段及各层滤波器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recon: the whole stack&apos;s reconstruction</source>
        <translation>recon：整个栈式网络的重构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shaded: each greedy pretraining phase, then fine-tuning.</source>
        <translation>阴影：各个逐层贪婪预训练阶段，之后为微调。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>layer %1 (%2 units)</source>
        <translation>第 %1 层（%2 个单元）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phases: %1. Filters: layer 1&apos;s weights; deeper layers through the layers below them (their linear part).</source>
        <translation>阶段：%1。滤波器：第 1 层为其权重；更深的层经由其下各层（取线性部分）映射。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>aelab::ui::TrainingWorker</name>
    <message>
        <location filename="../../ui/TrainingWorker.cpp" line="+77"/>
        <location line="+21"/>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No dataset is loaded yet.</source>
        <translation>尚未加载数据集。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Cannot change a setting while training</source>
        <translation>训练期间无法更改设置</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot keep the timeline</source>
        <translation>无法保存时间轴</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cannot draw the views</source>
        <translation>无法绘制视图</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot open the model %1</source>
        <translation>无法打开模型 %1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::VaeDiagnostic</name>
    <message>
        <location filename="../../ui/VaeDiagnostic.cpp" line="+15"/>
        <source>KL per latent dimension, active units, posterior collapse</source>
        <translation>各潜在维度的 KL、活跃单元与后验坍塌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>KL(q(zⱼ|x) ‖ N(0,1)), nats</source>
        <translation>KL(q(zⱼ|x) ‖ N(0,1))，nats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>activity Var(μⱼ) (right axis)</source>
        <translation>活跃度 Var(μⱼ)（右轴）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latent dimension</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Var over x of μⱼ</source>
        <translation>μⱼ 在 x 上的方差</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Active units: %1 of %2 (Var(μⱼ) &gt; 0.01). Total KL %3 nats per sample.</source>
        <translation>活跃单元：%2 个中有 %1 个（Var(μⱼ) &gt; 0.01）。每个样本的总 KL 为 %3 nats。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posterior collapse: every dimension&apos;s KL is below 0.01 nats, so the codes carry no information about the input and the decoder ignores them. Lower beta, or train longer with a smaller learning rate.</source>
        <translation>后验坍塌：所有维度的 KL 都低于 0.01 nats，编码不携带输入的任何信息，解码器会忽略它们。请降低 beta，或用更小的学习率训练更久。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Partial collapse: %1 of %2 dimensions (%3) have KL below 0.01 nats and are unused.</source>
        <translation>部分坍塌：%2 个维度中有 %1 个（%3）的 KL 低于 0.01 nats，未被使用。</translation>
    </message>
</context>
</TS>
