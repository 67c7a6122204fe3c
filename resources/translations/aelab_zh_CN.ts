<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../build/ui/core_strings_for_lupdate.cpp" line="+144"/>
        <source>the loss became NaN or infinite</source>
        <translation>损失变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the gradient became NaN or infinite</source>
        <translation>梯度变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a weight became NaN or infinite</source>
        <translation>某个权重变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Undercomplete autoencoder</source>
        <translation>欠完备自编码器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden widths</source>
        <translation>隐藏层宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder layer widths, e.g. 512,256; the decoder mirrors them</source>
        <translation>编码器各层宽度，如 512,256；解码器与之镜像对称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent size</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the code layer; 2 draws the latent map directly</source>
        <translation>编码层宽度；为 2 时直接绘制潜在空间图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dense: fully connected layers (hidden); conv: convolutions and pooling for images (channels, up)</source>
        <translation>dense：全连接层（hidden）；conv：面向图像的卷积与池化（channels, up）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv channels</source>
        <translation>卷积通道数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv only: channels of each 3x3 conv + 2x2 max-pool level, e.g. 16,32; the decoder mirrors them</source>
        <translation>仅 conv：每级 3x3 卷积 + 2x2 最大池化的通道数，如 16,32；解码器与之镜像对称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv upsampling</source>
        <translation>卷积上采样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam adapts each weight&apos;s step; SGD uses momentum</source>
        <translation>Adam 为每个权重自适应调整步长；SGD 使用动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size of the optimizer</source>
        <translation>优化器的步长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD only: fraction of the previous step kept</source>
        <translation>仅 SGD：保留上一步更新的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per gradient step</source>
        <translation>每次梯度更新的样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale the gradient down to this global norm (0 = off)</source>
        <translation>将梯度按比例缩小至此全局范数（0 = 关闭）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising autoencoder</source>
        <translation>去噪自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebuilds the clean input from a corrupted copy (Gaussian noise, masking, salt-and-pepper), drawn afresh for every batch</source>
        <translation>从受损副本重构干净输入（高斯噪声、掩码、椒盐噪声），每个批次重新采样</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corruption</source>
        <translation>损坏方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gaussian adds N(0, noise^2); masking zeroes a fraction; salt-pepper sets a fraction to 0 or 1</source>
        <translation>gaussian 加入 N(0, noise^2)；masking 将一部分置零；salt-pepper 将一部分置为 0 或 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise level</source>
        <translation>噪声强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma for gaussian; the fraction of inputs hit (at most 1) for masking and salt-pepper</source>
        <translation>gaussian 时为标准差 sigma；masking 和 salt-pepper 时为受影响输入的比例（不超过 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fraction of the inputs</source>
        <translation>输入中的一个比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparse autoencoder</source>
        <translation>稀疏自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid code units kept mostly silent by a KL penalty towards a target mean activation and/or an L1 penalty</source>
        <translation>通过趋向目标平均激活值的 KL 惩罚和/或 L1 惩罚，使 sigmoid 编码单元大多保持静默</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target activation</source>
        <translation>目标激活值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean activation rho each sigmoid code unit is pushed towards</source>
        <translation>每个 sigmoid 编码单元被推向的平均激活值 rho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL weight</source>
        <translation>KL 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight beta of sum_j KL(rho || mean activation of unit j); tens for images, 0 = off</source>
        <translation>sum_j KL(rho || 单元 j 的平均激活值) 的权重 beta；图像一般取几十，0 = 关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 weight</source>
        <translation>L1 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight lambda of the L1 norm of the code, per sample; 0 = off</source>
        <translation>编码 L1 范数的权重 lambda（按样本计）；0 = 关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractive autoencoder</source>
        <translation>收缩自编码器</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Compresses each input through a narrow code and rebuilds it; with linear activations, a linear output and squared error (output linear-mse) its code spans the PCA subspace</source>
        <translation>将每个输入压缩为窄编码再重构；使用线性激活、线性输出和平方误差（输出 linear-mse）时，其编码张成 PCA 子空间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Non-linearity after each hidden layer; linear, with output linear-mse (picked with it), makes the code span the PCA subspace (Baldi &amp; Hornik 1989)</source>
        <translation>每个隐藏层后的非线性；linear 配合输出 linear-mse（选择时一并选定）使编码张成 PCA 子空间（Baldi &amp; Hornik 1989）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sigmoid+BCE for intensities in [0,1] (a likelihood only for 0/1 data), linear + squared error summed over features otherwise; auto picks by data</source>
        <translation>sigmoid+BCE 用于 [0,1] 内的强度值（仅对 0/1 数据是似然），否则用线性输出 + 按特征求和的平方误差；auto 按数据自动选择</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conv only: deconv (transposed conv) or upsample (nearest) + conv; unpool + conv puts values back where the encoder&apos;s max-pools found them, as SegNet&apos;s decoder does on purpose: those switches tell the decoder about x past the code (Diagnostics shows how much)</source>
        <translation>仅 conv：deconv（转置卷积）或 upsample（最近邻）+ 卷积；unpool + 卷积把值放回编码器最大池化找到最大值的位置，SegNet 的解码器有意如此：这些开关绕过编码向解码器透露 x 的信息（诊断页显示有多少）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Conv only: deconv (transposed conv) or upsample (nearest) + conv; unpool is refused here: its max-pool switches would carry x to the decoder past the code</source>
        <translation>仅 conv：deconv（转置卷积）或 upsample（最近邻）+ 卷积；此处不可用 unpool：其最大池化开关会绕过编码把 x 的信息带给解码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a dae&apos;s decoder would read the max-pool switches of the corrupted input, a path around the code, so the code need not carry the structure that undoes the noise; use deconv or upsample</source>
        <translation>dae 的解码器会读取被破坏输入的最大池化开关，这是一条绕过编码的通路，于是编码不必承载消除噪声所需的结构；请用 deconv 或 upsample</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sigmoid code penalised by the squared Frobenius norm of the encoder&apos;s Jacobian, so it is insensitive to directions off the data manifold</source>
        <translation>以编码器雅可比矩阵 Frobenius 范数的平方惩罚 sigmoid 编码，使其对偏离数据流形的方向不敏感</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder layer widths before the sigmoid code (none = one layer: exact penalty; else a random-projection estimate); the decoder mirrors them</source>
        <translation>sigmoid 编码层之前的编码器层宽度（none = 单层：精确惩罚；否则用随机投影估计）；解码器与之镜像对称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contraction weight</source>
        <translation>收缩权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the squared Frobenius norm of the encoder&apos;s Jacobian; 0 = plain ae</source>
        <translation>编码器雅可比矩阵 Frobenius 范数平方的权重；0 = 普通自编码器（ae）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variational autoencoder</source>
        <translation>变分自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encodes each input as a Gaussian over codes, samples by reparameterisation, and keeps codes near N(0, I) so the prior can be sampled and decoded</source>
        <translation>将每个输入编码为编码空间上的高斯分布，经重参数化采样，并使编码接近 N(0, I)，从而可从先验采样并解码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decoder&apos;s likelihood. sigmoid-bce: BCE, a likelihood only for 0/1 data; linear-mse: squared error, a Gaussian up to a hidden variance and constant; continuous-bernoulli: the normalised density for [0,1] data (Loaiza-Ganem &amp; Cunningham 2019); gaussian: N(x; output, sigma^2), constant included. Only the last two make the ELBO a bound on log p(x); auto picks sigmoid-bce or linear-mse by data</source>
        <translation>解码器的似然。sigmoid-bce：BCE，仅对 0/1 数据是似然；linear-mse：平方误差，仅在一个隐含方差和常数意义下是高斯；continuous-bernoulli：[0,1] 数据的归一化密度（Loaiza-Ganem &amp; Cunningham 2019）；gaussian：N(x; 输出, sigma^2)，含常数项。只有后两者使 ELBO 成为 log p(x) 的下界；auto 按数据选 sigmoid-bce 或 linear-mse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian sigma</source>
        <translation>高斯 sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian output: the decoder&apos;s standard deviation per feature, in the data&apos;s units</source>
        <translation>高斯输出：解码器每个特征的标准差，单位与数据相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a vae&apos;s decoder would read the max-pool switches the encoder recorded on x: the objective would then bound p(x | z, switches), not p(x | z), the KL would never pay for those bits, and a prior sample has no switches to decode with; use deconv or upsample</source>
        <translation>vae 的解码器会读取编码器在 x 上记录的最大池化开关：目标函数届时界定的是 p(x | z, 开关) 而非 p(x | z)，KL 永远不为这些比特付出代价，而且先验样本没有开关可用于解码；请用 deconv 或 upsample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL weight (beta)</source>
        <translation>KL 权重（beta）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of KL(q(z|x) || N(0, I)); 1 = the ELBO, &gt;1 disentangles, large collapses</source>
        <translation>KL(q(z|x) || N(0, I)) 的权重；1 = ELBO，&gt;1 促进解耦，过大则导致坍缩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adversarial autoencoder</source>
        <translation>对抗自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A discriminator on the codes pushes them to follow a chosen prior (Gaussian, a ring of Gaussians, a swiss roll)</source>
        <translation>作用于编码的判别器促使编码服从选定的先验（高斯、环形高斯混合、瑞士卷）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an aae&apos;s decoder would read the max-pool switches the encoder recorded on x, so its reconstructions would not rest on the codes the prior shapes, and a prior sample has no switches to decode with; use deconv or upsample</source>
        <translation>aae 的解码器会读取编码器在 x 上记录的最大池化开关，其重构就不再只依赖先验所塑造的编码，而且先验样本没有开关可用于解码；请用 deconv 或 upsample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior</source>
        <translation>先验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribution the codes are pushed to; mixture and swiss-roll need latent 2</source>
        <translation>编码被推向的分布；mixture 和 swiss-roll 需要潜在维度为 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixture components</source>
        <translation>混合分量数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixture prior: Gaussians evenly spaced on a circle of radius 2</source>
        <translation>mixture 先验：在半径为 2 的圆上均匀分布的高斯分量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior spread</source>
        <translation>先验离散度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixture: each component&apos;s std; swiss roll: 4x its noise std</source>
        <translation>mixture：各分量的标准差；swiss-roll：其噪声标准差的 4 倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discriminator widths</source>
        <translation>判别器宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden widths of the latent discriminator (leaky ReLU)</source>
        <translation>潜在空间判别器的隐藏层宽度（leaky ReLU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discriminator rate</source>
        <translation>判别器学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate of the discriminator phase</source>
        <translation>判别器阶段的学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generator rate</source>
        <translation>生成器学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate of the encoder&apos;s fooling (generator) phase</source>
        <translation>编码器欺骗判别器（生成器）阶段的学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked autoencoder</source>
        <translation>栈式自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrains each layer greedily as a shallow (denoising or sparse) autoencoder, then fine-tunes the whole stack</source>
        <translation>将每层作为浅层（去噪或稀疏）自编码器逐层贪婪预训练，再微调整个栈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretraining epochs</source>
        <translation>预训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs per layer of greedy pretraining (0 = none); the remaining epochs fine-tune</source>
        <translation>逐层贪婪预训练中每层的轮数（0 = 不预训练）；其余轮数用于微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretraining noise</source>
        <translation>预训练噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masking noise on each shallow autoencoder&apos;s input (denoising; 0 = off)</source>
        <translation>各浅层自编码器输入上的掩码噪声（去噪；0 = 关闭）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretraining sparsity</source>
        <translation>预训练稀疏度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 weight on each shallow autoencoder&apos;s code (sparse; 0 = off)</source>
        <translation>各浅层自编码器编码上的 L1 权重（稀疏；0 = 关闭）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked autoencoder (imputation)</source>
        <translation>掩码自编码器（插补）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained on data with entries missing (MCAR, MAR, MNAR); fills them in, scored against mean and regression imputation</source>
        <translation>在含缺失项（MCAR、MAR、MNAR）的数据上训练并填补缺失值，与均值插补和回归插补对比评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a masked autoencoder&apos;s decoder would read the max-pool switches of its input, a path around the code, so the code need not carry what imputes the missing entries; use deconv or upsample</source>
        <translation>masked 自编码器的解码器会读取其输入的最大池化开关，这是一条绕过编码的通路，于是编码不必承载填补缺失项所需的信息；请用 deconv 或 upsample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missingness</source>
        <translation>缺失机制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mcar: at random; mar: top half, driven by the bottom half; mnar: bright values more often</source>
        <translation>mcar：完全随机；mar：上半部分缺失，由下半部分决定；mnar：亮值更常缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing rate</source>
        <translation>缺失率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of all entries the training data lacks (mar: at most 0.5)</source>
        <translation>训练数据中缺失项占全部条目的比例（mar：不超过 0.5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missingness strength</source>
        <translation>缺失强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mar/mnar: how strongly the driving value tilts the odds (0 = uniform)</source>
        <translation>mar/mnar：驱动值对缺失概率的影响程度（0 = 均匀）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra masking</source>
        <translation>额外掩码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of observed entries also hidden each step, to learn to fill them</source>
        <translation>每步额外隐藏的已观测项比例，用于学习填补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semantic hashing autoencoder</source>
        <translation>语义哈希自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learns binary codes of B bits so that similar inputs lie a few bit flips apart; aelab-cli retrieve measures retrieval by Hamming distance</source>
        <translation>学习 B 位二值编码，使相似输入只相差少数几位翻转；aelab-cli retrieve 按汉明距离评估检索效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code bits</source>
        <translation>编码位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bits of the binary code (B): the Hamming space retrieval searches</source>
        <translation>二值编码的位数（B）：即检索所搜索的汉明空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary code</source>
        <translation>二值编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noisy-sigmoid: noise forces the sigmoid to 0/1; straight-through: sign, gradient passed through</source>
        <translation>noisy-sigmoid：以噪声迫使 sigmoid 输出趋于 0/1；straight-through：取符号，梯度直通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code noise</source>
        <translation>编码噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noisy-sigmoid: std of the Gaussian noise added before the sigmoid while training</source>
        <translation>noisy-sigmoid：训练时在 sigmoid 前加入的高斯噪声的标准差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wasserstein autoencoder (WAE-MMD)</source>
        <translation>Wasserstein 自编码器（WAE-MMD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deterministic autoencoder whose batch of codes is pulled towards N(0, I) by the maximum mean discrepancy, so the prior can be sampled while reconstructions stay sharp</source>
        <translation>确定性自编码器：用最大均值差异（MMD）把一批编码整体拉向 N(0, I)，从而可以从先验采样，同时重建保持清晰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a wae&apos;s decoder would read the max-pool switches the encoder recorded on x, so its reconstructions would not rest on the codes the prior shapes, and a prior sample has no switches to decode with; use deconv or upsample</source>
        <translation>wae 的解码器会读取编码器在 x 上记录的最大池化开关，其重构就不再只依赖先验所塑造的编码，而且先验样本没有开关可用于解码；请用 deconv 或 upsample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MMD weight (lambda)</source>
        <translation>MMD 权重（lambda）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight lambda of the MMD between a batch&apos;s codes and as many samples of N(0, I): ~100 beside a BCE summed over 784 pixels (~250 per image), ~1 for 2-D data; 0 = a plain autoencoder</source>
        <translation>一批编码与同样多个 N(0, I) 样本之间 MMD 的权重 lambda：与按 784 个像素求和的 BCE（每幅图像约 250）相配时约 100，二维数据约 1；0 = 普通自编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST: 70000 28x28 images of clothing in 10 classes</source>
        <translation>Fashion-MNIST：70000 张 28x28 服饰图像，共 10 类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawn 28x28 shapes in 8 classes (circle, ring, square, ...)</source>
        <translation>手绘 28x28 图形，共 8 类（圆、圆环、正方形……）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>circle</source>
        <translation>圆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ring</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frame</source>
        <translation>方框</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross</source>
        <translation>十字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line</source>
        <translation>直线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>star</source>
        <translation>星形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved half circles in 2-D</source>
        <translation>两个交错的 2D 半圆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two concentric circles in 2-D</source>
        <translation>两个同心的 2D 圆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outer</source>
        <translation>外圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inner</source>
        <translation>内圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A 2-D spiral with 3 arms (spiral:N for N arms)</source>
        <translation>有 3 条臂的 2D 螺旋（spiral:N 表示 N 条臂）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A mixture of 5 Gaussian blobs in 2-D (gaussians:N for N)</source>
        <translation>由 5 个高斯团组成的 2D 混合分布（gaussians:N 表示 N 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rolled-up 2-D sheet in 3-D, coloured by position</source>
        <translation>3D 空间中卷起的 2D 曲面，按位置着色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An S-shaped 2-D sheet in 3-D, coloured by position</source>
        <translation>3D 空间中的 S 形 2D 曲面，按位置着色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masking noise</source>
        <translation>掩码噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salt-and-pepper noise</source>
        <translation>椒盐噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixture</source>
        <translation>高斯混合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>swiss-roll</source>
        <translation>瑞士卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard normal N(0, I)</source>
        <translation>标准正态分布 N(0, I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw inputs</source>
        <translation>原始输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PCA (as many components as the code)</source>
        <translation>PCA（主成分数与编码维数相同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k-nearest neighbours</source>
        <translation>k 近邻</translation>
    </message>
</context>
<context>
    <name>FormMemory</name>
    <message>
        <location filename="../../ui/form/FormMemory.cpp" line="+45"/>
        <source>%1 takes a whole number from %2 to %3.</source>
        <translation>%1 需要 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown hyperparameter</source>
        <translation>未知超参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has no hyperparameter &apos;%2&apos;.</source>
        <translation>%1 没有超参数“%2”。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: &quot;%2&quot; could not be read</source>
        <translation>%1：无法读取“%2”</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Settings from the last session that differ from the defaults: %1.</source>
        <translation>上次会话中与默认值不同的设置：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreadable, left at the default: %1.</source>
        <translation>无法读取，保留默认值：%1。</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+17"/>
        <source>Cannot use --param %1=%2</source>
        <translation>无法使用 --param %1=%2</translation>
    </message>
</context>
<context>
    <name>LossTermTips</name>
    <message>
        <location filename="../../ui/training/LossTermTips.cpp" line="+17"/>
        <source>loss: the total the optimizer minimises, the sum of the weighted terms below; per sample, in the units of its parts</source>
        <translation>loss：优化器最小化的总损失，即下列各项加权之和；按每个样本计，单位与其组成项相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recon: how far the reconstruction is from the input, summed over a sample&apos;s features: nats (sigmoid + BCE) or squared data units (linear + squared error)</source>
        <translation>recon：重建与输入的差距，对一个样本的所有特征求和：单位为奈特（sigmoid + BCE）或数据单位的平方（linear + 平方误差）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>l1: the sum of the absolute code values per sample (sparse), in code units</source>
        <translation>l1：每个样本编码绝对值之和（sparse），单位为编码单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kl: for vae, KL(q(z|x) || N(0, I)) per sample; for sparse, the sum over code units of KL(rho || mean activation); in nats</source>
        <translation>kl：对 vae 是每个样本的 KL(q(z|x) || N(0, I))；对 sparse 是各编码单元 KL(rho || 平均激活) 之和；单位为奈特</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kl_j: the KL of latent dimension j alone, in nats; they add up to kl. A dimension near 0 has collapsed: it carries nothing about x</source>
        <translation>kl_j：第 j 个潜在维度单独的 KL，单位为奈特；各维相加等于 kl。接近 0 的维度已坍缩：它不携带关于 x 的任何信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>elbo: -(recon + kl), the evidence lower bound on log p(x), in nats; shown only when the decoder&apos;s output is a density</source>
        <translation>elbo：-(recon + kl)，log p(x) 的证据下界，单位为奈特；仅当解码器输出为概率密度时显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean_activation: the mean of every sigmoid code unit over the batch, in (0, 1); sparse pushes it towards rho</source>
        <translation>mean_activation：每个 sigmoid 编码单元在批次上的平均值，取值于 (0, 1)；sparse 把它推向 rho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contractive: the squared Frobenius norm of the encoder&apos;s Jacobian dh/dx per sample, in (code units / data units)²</source>
        <translation>contractive：每个样本编码器雅可比矩阵 dh/dx 的 Frobenius 范数平方，单位为 (编码单位 / 数据单位)²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jacobian_norm: the Frobenius norm of dh/dx itself (not squared), in code units / data units; smaller: the code moves less when x does</source>
        <translation>jacobian_norm：dh/dx 本身的 Frobenius 范数（未平方），单位为编码单位 / 数据单位；越小，x 变化时编码移动越少</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disc: the discriminator&apos;s loss (BCE telling prior samples from codes), in nats; log 2 = 0.693 at the equilibrium</source>
        <translation>disc：判别器的损失（用 BCE 区分先验样本与编码），单位为奈特；均衡时为 log 2 = 0.693</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gen: the encoder&apos;s adversarial loss (fooling the discriminator), in nats; log 2 = 0.693 at the equilibrium</source>
        <translation>gen：编码器的对抗损失（骗过判别器），单位为奈特；均衡时为 log 2 = 0.693</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disc_acc: the fraction of prior samples and codes the discriminator tells apart; 0.5 when the codes look like the prior</source>
        <translation>disc_acc：判别器能正确区分的先验样本与编码的比例；编码看起来像先验时为 0.5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer_recon: while pretraining layer k, how well its shallow autoencoder rebuilds the code of the layers below (layer 1: the input)</source>
        <translation>layer_recon：预训练第 k 层时，其浅层自编码器重建下面各层编码的程度（第 1 层：输入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sparsity: the pretraining L1 penalty on the code, weight times the mean absolute code value, in code units</source>
        <translation>sparsity：预训练时对编码的 L1 惩罚，即权重乘以编码绝对值的均值，单位为编码单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing_rmse: the root mean squared error on the entries the missingness hid, in data units; not trained on</source>
        <translation>missing_rmse：被缺失机制隐藏的条目上的均方根误差，单位为数据单位；不参与训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bit_recon: the reconstruction loss decoding the hard 0/1 bits instead of the training code; close to recon when the bits carry the information</source>
        <translation>bit_recon：用硬 0/1 比特代替训练时的编码进行解码得到的重建损失；比特携带了信息时接近 recon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saturation: how close the code units are to 0 or 1, in [0, 1]; 1: every unit is a bit</source>
        <translation>saturation：编码单元接近 0 或 1 的程度，取值于 [0, 1]；1 表示每个单元都是一个比特</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mmd: the squared maximum mean discrepancy between a batch&apos;s codes and samples of N(0, I), in kernel units (can dip below 0)</source>
        <translation>mmd：一个批次的编码与 N(0, I) 样本之间的最大均值差异的平方，单位为核单位（可能略低于 0）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each code unit&apos;s mean activation over the probe set, in (0, 1), against the target rho (dashed)</source>
        <translation>每个编码单元在探查集上的平均激活，取值于 (0, 1)，对照目标 rho（虚线）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KL of each latent dimension in nats, and its activity Var(mu_j) in code units squared; a dimension with KL under 0.01 nats has collapsed. With a density output, log p(x) in nats</source>
        <translation>每个潜在维度的 KL（奈特）及其活跃度 Var(mu_j)（编码单位的平方）；KL 低于 0.01 奈特的维度已坍缩。输出为密度时，另给出 log p(x)（奈特）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Samples of the prior (grey) under the codes of the probe set (coloured), in code units: the codes should cover the prior</source>
        <translation>先验样本（灰色）与探查集的编码（彩色），单位为编码单位：编码应当覆盖先验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Singular values of the encoder&apos;s Jacobian dh/dx at a sample, in code units / data units, and its leading tangent directions drawn as images</source>
        <translation>某个样本处编码器雅可比矩阵 dh/dx 的奇异值（编码单位 / 数据单位），以及以图像画出的主要切向方向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrows r(x) - x on a lattice, in data units; the mean cosine with the direction to the nearest data point is in [-1, 1], 1 when every arrow points at the data</source>
        <translation>网格上的箭头 r(x) - x，单位为数据单位；与指向最近数据点方向的平均余弦取值于 [-1, 1]，每个箭头都指向数据时为 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RMSE on the test set&apos;s missing entries, in data units, for the autoencoder, mean imputation, regression and complete-case means, under MCAR, MAR and MNAR</source>
        <translation>在 MCAR、MAR 和 MNAR 下，测试集缺失条目上的 RMSE（数据单位）：自编码器、均值填补、回归和完整样本均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbours of a query by Hamming distance between codes (bits) and by pixel distance (L2); precision within radius r is the fraction of the same class</source>
        <translation>按编码间的汉明距离（比特）和像素距离（L2）找到的查询近邻；半径 r 内的精确率是同类样本所占的比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The loss shaded by greedy phase (each layer&apos;s pretraining, then fine-tuning) and each layer&apos;s filters</source>
        <translation>按贪心阶段着色的损失（各层预训练，然后微调），以及每一层的滤波器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Principal angles, in degrees, between the span of the probe set&apos;s reconstructions and PCA&apos;s top principal directions of the probe set, as many as the code is wide; 0 everywhere: the same subspace</source>
        <translation>探查集重建所张子空间与探查集 PCA 前几个主方向之间的主角（单位：度），个数等于编码宽度；全部为 0 表示同一个子空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconstructions with the image&apos;s own max-pool switches and with the code alone, their reconstruction terms, and the bits the switches can carry per sample</source>
        <translation>使用图像自身最大池化开关的重建与仅用编码的重建、它们的重建项，以及开关每个样本可携带的比特数</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/widgets/PlotStyle.cpp" line="+54"/>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/PlotExport.cpp" line="+149"/>
        <source>Exported from aelab</source>
        <translation>由 aelab 导出</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not write %1 (check the folder exists and is writable).</source>
        <translation>无法写入 %1（请检查文件夹是否存在且可写）。</translation>
    </message>
    <message>
        <location filename="../../ui/experiments/DifferenceTable.cpp" line="+17"/>
        <location line="+8"/>
        <location filename="../../ui/experiments/RunsView.cpp" line="+47"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../ui/worker/RunEndText.cpp" line="+12"/>
        <source>Finished: %1 epoch(s), %2 steps.</source>
        <translation>已完成：%1 轮，%2 步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped at step %1. The model is kept: save it, or try the denoising slider.</source>
        <translation>已在第 %1 步停止。模型已保留：可以保存它，或试试去噪滑块。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights restored to step %1.</source>
        <translation>权重已恢复到第 %1 步。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last finite weights are kept.</source>
        <translation>保留了最后一组有限的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged at step %1 (epoch %2): %3. Try a lower learning rate or gradient clipping. %4</source>
        <translation>在第 %1 步（第 %2 轮）发散：%3。请尝试降低学习率或使用梯度裁剪。%4</translation>
    </message>
</context>
<context>
    <name>aelab::ui::CaeDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/CaeDiagnostic.cpp" line="+35"/>
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
        <location line="+2"/>
        <source>singular value sₖ of dh/dx</source>
        <translation>dh/dx 的奇异值 sₖ</translation>
    </message>
    <message>
        <location line="+78"/>
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
    <name>aelab::ui::CodeSpreadView</name>
    <message>
        <location filename="../../ui/training/CodeSpreadView.cpp" line="+17"/>
        <source>Code spread</source>
        <translation>编码分布</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>latent dimension</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code value</source>
        <translation>编码值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The standard deviation (bars) and mean (dots) of the probe set&apos;s codes along each latent dimension. A dimension with no spread carries nothing about the input.</source>
        <translation>探针集编码在每个潜在维度上的标准差（柱）和均值（点）。没有离散度的维度不携带任何关于输入的信息。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Each latent dimension&apos;s spread appears here while training.</source>
        <translation>训练时，这里显示每个潜在维度的离散度。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Bars: std. deviation, dots: mean, over %1 samples.</source>
        <translation>柱：标准差，点：均值，基于 %1 个样本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Dashed: the prior&apos;s std. deviation, 1.</source>
        <translation> 虚线：先验的标准差，1。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ControlPanel</name>
    <message>
        <location filename="../../ui/form/ControlPanel.cpp" line="+44"/>
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
        <location filename="../../ui/i18n/FormWords.cpp" line="+22"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Explain</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this variant is, its objective, what to watch and one experiment to try (F1)</source>
        <translation>这个变体是什么、它的目标函数、要观察什么，以及一个可以尝试的实验（F1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every setting of the form, the epochs and the seed back to their defaults</source>
        <translation>将表单中的所有设置、轮数和种子恢复为默认值</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../ui/i18n/FormWords.cpp" line="-2"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/i18n/FormWords.cpp" line="+1"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+74"/>
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
    <name>aelab::ui::DataSpacePlot</name>
    <message>
        <location filename="../../ui/widgets/DataSpacePlot.cpp" line="+40"/>
        <source>data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DenoisingView</name>
    <message>
        <location filename="../../ui/training/DenoisingView.cpp" line="+20"/>
        <source>Denoising</source>
        <translation>去噪</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+46"/>
        <source>σ = %1</source>
        <translation>σ = %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="-95"/>
        <location line="+103"/>
        <source>PSNR corrupted %1 dB → reconstructed %2 dB</source>
        <translation>PSNR：加噪 %1 dB → 重构 %2 dB</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DiagnosticPanel</name>
    <message>
        <location filename="../../ui/diagnostics/DiagnosticPanel.cpp" line="+34"/>
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
        <location filename="../../ui/diagnostics/DiagnosticsView.cpp" line="+30"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+102"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Another diagnostic of this variant</source>
        <translation>这个变体的另一项诊断</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Train or open a model: its variant&apos;s diagnostic appears here.</source>
        <translation>训练或打开一个模型后，其变体的诊断会显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No diagnostic for %1 on this dataset. The vector field is for ae and dae on a 2-D set (moons, circles, spiral, gaussians), the unpooling switches for ae on images; the other variants each have their own.</source>
        <translation>%1 在此数据集上没有诊断。向量场适用于二维数据集（moons、circles、spiral、gaussians）上的 ae 和 dae，反池化开关适用于图像上的 ae；其他变体各有自己的诊断。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DifferenceTable</name>
    <message>
        <location filename="../../ui/experiments/DifferenceTable.cpp" line="+23"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samples seen</source>
        <translation>已见样本数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns: only the settings on which the selected runs differ</source>
        <translation>列：仅显示所选运行之间不同的设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean of the objective over the last epoch&apos;s batches</source>
        <translation>最后一个轮次各批次目标函数的平均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of the objective on the validation part after the last epoch</source>
        <translation>最后一个轮次结束后验证部分上目标函数的平均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training time, pauses excluded</source>
        <translation>训练时间，不含暂停</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DrawingCanvas</name>
    <message>
        <location filename="../../ui/drawing/DrawingCanvas.cpp" line="+19"/>
        <source>Left button: the chosen brush. Right button: erase.</source>
        <translation>左键：所选画笔。右键：擦除。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::DrawingView</name>
    <message>
        <location filename="../../ui/drawing/DrawingView.cpp" line="+50"/>
        <location line="+13"/>
        <source>Draw</source>
        <translation>画板</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Start from the map&apos;s selected sample</source>
        <translation>从图上选中的样本开始</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut out</source>
        <translation>挖去</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paint ink with a soft brush, as MNIST&apos;s pen strokes</source>
        <translation>用软画笔上墨，像 MNIST 的笔画一样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove ink (the right button always erases)</source>
        <translation>去掉墨迹（右键始终是擦除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark pixels as missing (red): what a masked autoencoder imputes; other variants see 0 there</source>
        <translation>把像素标记为缺失（红色）：掩码自编码器会填补它们；其他变体在那里看到的是 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Index of a sample of the test set (of the training set when there is none)</source>
        <translation>测试集中样本的序号（没有测试集时为训练集）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from sample</source>
        <translation>从样本开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe sample last clicked on the Latent explorer&apos;s map</source>
        <translation>在潜在空间探索器的图上最后点击的探查样本</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The model could not read the drawing: %1</source>
        <translation>模型无法读取这幅画：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load a dataset of 28 x 28 grey images (Fashion-MNIST, MNIST, the drawn shapes) to draw.</source>
        <translation>请加载 28 x 28 灰度图像的数据集（Fashion-MNIST、MNIST、绘制的形状）后再画。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The drawing pad draws 28 x 28 grey images; %1 holds points of %2 values, not images.</source>
        <translation>画板绘制 28 x 28 的灰度图像；%1 中是含 %2 个值的点，而不是图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The drawing pad draws 28 x 28 grey images; %1 holds %2 x %3 images with %4 channel(s).</source>
        <translation>画板绘制 28 x 28 的灰度图像；%1 中是 %2 x %3、%4 个通道的图像。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Train a model (or open one): the drawing&apos;s code is marked on its latent map.</source>
        <translation>训练一个模型（或打开一个）：这幅画的编码会标在它的潜在空间图上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw with the left button, erase with the right. What the model makes of the drawing appears here as you draw.</source>
        <translation>用左键画，用右键擦。边画边在这里看到模型对这幅画的理解。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Click a sample on the Latent explorer&apos;s map first.</source>
        <translation>请先在潜在空间探索器的图上点击一个样本。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No model yet: train one (F5) or open one, and the pad shows what it makes of the drawing.</source>
        <translation>还没有模型：训练一个（F5）或打开一个，画板就会显示模型对这幅画的理解。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>drawing</source>
        <translation>画作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>with noise</source>
        <translation>加噪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>denoised</source>
        <translation>去噪后</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>imputed</source>
        <translation>插补后</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Code of the drawing: %1 (%n latent value(s)).</source>
        <translation>
            <numerusform>这幅画的编码：%1（%n 个潜在值）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sigma %1</source>
        <translation>sigma %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1% of the pixels</source>
        <translation>%1% 的像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoised: %1&apos;s reconstruction of the drawing with the denoising view&apos;s noise added (%2, %3)</source>
        <translation>去噪后：%1 对加入了去噪视图噪声（%2，%3）的画作的重建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (what it was trained to undo).</source>
        <translation>（它正是为去除这种噪声而训练的）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 was not trained to remove noise).</source>
        <translation>（%1 没有经过去噪训练）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imputed: the %n cut-out pixel(s) filled in by the model, the others kept.</source>
        <translation>
            <numerusform>填补后：模型填上了 %n 个被挖去的像素，其余像素保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut out pixels (the third brush) to see the model impute them.</source>
        <translation>用第三种画笔挖去一些像素，看看模型如何填补它们。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>your drawing</source>
        <translation>你的画</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The drawing&apos;s code (circled cross) among the probe set&apos;s %1-D codes, in the latent map&apos;s plane (their first two principal components).</source>
        <translation>这幅画的编码（带圈的十字）位于探查集的 %1 维编码之中，画在潜在空间图的平面上（它们的前两个主成分）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The drawing&apos;s code (circled cross) among the probe set&apos;s codes, as on the latent map.</source>
        <translation>这幅画的编码（带圈的十字）位于探查集的编码之中，与潜在空间图相同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The probe set&apos;s codes; the drawing&apos;s code appears once the model has read it.</source>
        <translation>探查集的编码；模型读取这幅画后，它的编码就会出现。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Draw: latent map</source>
        <translation>画板：潜在空间图</translation>
    </message>
</context>
<context>
    <name>aelab::ui::Enlarger</name>
    <message>
        <location filename="../../ui/present/Enlarger.cpp" line="+43"/>
        <source>Enlarge this panel to fill the window (F10, or double-click its title); Esc returns</source>
        <translation>放大这个面板以填满窗口（F10，或双击其标题）；按 Esc 返回</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ExplanationDialog</name>
    <message>
        <location filename="../../ui/lessons/ExplanationDialog.cpp" line="+23"/>
        <source>Set it up</source>
        <translation>设置好</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Puts the experiment&apos;s dataset and settings in the form; press Train to run it</source>
        <translation>把实验的数据集和设置填入表单；按“训练”运行它</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Explanation: %1</source>
        <translation>讲解：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loss terms in the plot</source>
        <translation>图中的损失项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to watch</source>
        <translation>要观察什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A common failure</source>
        <translation>一种常见的失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its sign:</source>
        <translation>它的迹象：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try this</source>
        <translation>试一试</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ExploreMapView</name>
    <message>
        <location filename="../../ui/explorer/ExploreMapView.cpp" line="+34"/>
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
        <source>How often the probe codes are kept for the timeline; as the run grows long, older frames are thinned (the label beside the slider gives the real spacing)</source>
        <translation>为时间轴保存探测编码的频率；运行变长后，较早的帧会被稀疏化（滑块旁的标签给出实际间隔）</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>step %1 (frame %2 of %3, %4 steps after the one before)</source>
        <translation>第 %1 步（第 %2 帧，共 %3 帧，距上一帧 %4 步）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step %1 (frame %2 of %3)</source>
        <translation>第 %1 步（第 %2 帧，共 %3 帧）</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Plane:</source>
        <translation>平面：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timeline:</source>
        <translation>时间轴：</translation>
    </message>
</context>
<context>
    <name>aelab::ui::FeaturesView</name>
    <message>
        <location filename="../../ui/features/FeaturesView.cpp" line="+34"/>
        <source>layer %1: %2 kernels %3x%3 (conv)</source>
        <translation>第 %1 层：%2 个 %3x%3 卷积核（卷积）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer %1: %2 units (dense)</source>
        <translation>第 %1 层：%2 个单元（全连接）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer %1: %2 units (linear view through the layers below)</source>
        <translation>第 %1 层：%2 个单元（经由下方各层的线性视图）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+3"/>
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
        <location filename="../../ui/diagnostics/FieldDiagnostic.cpp" line="+32"/>
        <source>Reconstruction vector field r(x) − x</source>
        <translation>重构向量场 r(x) − x</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>data (probe set)</source>
        <translation>数据（探针集）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>drawn at %1 of their length, so the longest spans 0.9 of the lattice spacing</source>
        <translation>按其长度的 %1 绘制，使最长的箭头为网格间距的 0.9</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drawn to scale</source>
        <translation>按实际比例绘制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trained with Gaussian noise of sigma %1 and squared error, this dae&apos;s arrows estimate the data&apos;s score: r(x) − x ≈ sigma² ∇ log p(x) (Alain &amp; Bengio 2014), closer the smaller sigma is.</source>
        <translation>此 dae 以 sigma 为 %1 的高斯噪声和平方误差训练，其箭头估计数据的得分函数：r(x) − x ≈ sigma² ∇ log p(x)（Alain &amp; Bengio 2014），sigma 越小越准确。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The arrows show where the model sends each point; they estimate the data&apos;s score (sigma² ∇ log p(x), Alain &amp; Bengio 2014) only for a dae trained with small Gaussian noise and squared error (output linear-mse).</source>
        <translation>箭头表示模型把每个点送往何处；只有以小高斯噪声和平方误差（输出 linear-mse）训练的 dae，其箭头才估计数据的得分函数（sigma² ∇ log p(x)，Alain &amp; Bengio 2014）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arrows: r(x) − x on a %1 x %1 lattice (%2). Mean length %3; mean cosine with the direction to the nearest data point %4 (1: every arrow points at the data).</source>
        <translation>箭头：%1 x %1 网格上的 r(x) − x（%2）。平均长度 %3；与指向最近数据点方向的平均余弦 %4（1 表示每个箭头都指向数据）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::FineTunePlot</name>
    <message>
        <location filename="../../ui/experiments/FineTunePlot.cpp" line="+16"/>
        <source>Select a run on a labelled dataset and press Fine-tune.</source>
        <translation>请选择一个在带标签数据集上训练的运行，然后按“微调”。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>from %1&apos;s weights</source>
        <translation>从 %1 的权重开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from a random start</source>
        <translation>从随机初始化开始</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&apos;s encoder plus a softmax head, trained on k labelled samples per class for %2 Adam steps (learning rate %3, batch %4, head started as %5), from the run&apos;s weights and from a random start; test accuracy on %6 test samples.</source>
        <translation>%1 的编码器加一个 softmax 输出层，在每类 k 个带标签样本上用 Adam 训练 %2 步（学习率 %3，批大小 %4，输出层初始化为%5），分别从该运行的权重和随机初始化开始；测试准确率基于 %6 个测试样本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the logistic regression on the start&apos;s codes</source>
        <translation>起点编码上的逻辑回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Stopped before every fit was done.</source>
        <translation> 在所有拟合完成前已停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>autoencoder&apos;s weights</source>
        <translation>自编码器的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
</context>
<context>
    <name>aelab::ui::HashingDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/HashingDiagnostic.cpp" line="+50"/>
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
        <location line="+2"/>
        <source>precision within r</source>
        <translation>半径 r 内的精确率</translation>
    </message>
    <message>
        <location line="+99"/>
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
    <name>aelab::ui::HyperParamForm</name>
    <message>
        <location filename="../../ui/form/HyperParamForm.cpp" line="+29"/>
        <source>  (can change while training)</source>
        <translation>  （训练中可调整）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Refused: %1</source>
        <translation>不可用：%1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::IntSpinBox</name>
    <message>
        <location filename="../../ui/form/ParamFields.cpp" line="+118"/>
        <source>%1 is not accepted: %2 must be in %3</source>
        <translation>不接受 %1：%2 必须在 %3 内</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LabelBudgetFigure</name>
    <message>
        <location filename="../../ui/experiments/LabelBudgetFigure.cpp" line="+29"/>
        <source>labelled training samples per class</source>
        <translation>每类带标签的训练样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LatentExplorer</name>
    <message>
        <location filename="../../ui/explorer/LatentExplorer.cpp" line="+67"/>
        <source>Latent explorer</source>
        <translation>潜在空间探索</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+4"/>
        <source>from a point</source>
        <translation>从一个点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to a point</source>
        <translation>到一个点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A probe sample (hover a point to see its number)</source>
        <translation>探针样本（悬停在点上可查看编号）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Latent map</source>
        <translation>潜在空间图</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>Manifold grid</source>
        <translation>流形网格</translation>
    </message>
    <message>
        <location line="-74"/>
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
        <location line="+96"/>
        <location line="+217"/>
        <source>The manifold grid decodes images; this dataset&apos;s samples are points.</source>
        <translation>流形网格解码的是图像；此数据集的样本是点。</translation>
    </message>
    <message>
        <location line="-121"/>
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
        <location line="+13"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="-12"/>
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
        <location line="+8"/>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blue: the sample, red: its reconstruction</source>
        <translation>蓝色：样本；红色：其重建</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+2"/>
        <source>decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <location line="+3"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>终点</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Gaussian quantiles Φ⁻¹((i + ½)/%1) along %2 and %3</source>
        <translation>沿 %2 和 %3 的高斯分位数 Φ⁻¹((i + ½)/%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the map&apos;s visible range</source>
        <translation>潜在空间图的可见范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 x %1 decodes over %2, in data space: each line joins a row or a column of the lattice.</source>
        <translation>%1 x %1 个解码覆盖 %2，位于数据空间：每条线连接网格的一行或一列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 x %1 decodes over %2.</source>
        <translation>%1 x %1 个解码，范围：%2。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LatentMapView</name>
    <message>
        <location filename="../../ui/training/LatentMapView.cpp" line="+21"/>
        <source>Latent map</source>
        <translation>潜在空间图</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+63"/>
        <source>Codes of the held-out probe set appear here while training.</source>
        <translation>训练时，留出探针集的编码会显示在这里。</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Fit the codes</source>
        <translation>适应编码范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equal aspect</source>
        <translation>等比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed -3..3</source>
        <translation>固定 -3..3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the axes to the codes, keep one unit the same length on both axes, or keep both axes at -3..3 (a collapsed map then looks collapsed)</source>
        <translation>让坐标轴适应编码范围、使两轴单位长度相同，或将两轴固定为 -3..3（这样坍缩的图看起来也是坍缩的）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 probe samples; %2-D codes shown by their first two principal components</source>
        <translation>%1 个探针样本；%2 维编码，按前两个主成分显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 probe samples, %2-D codes</source>
        <translation>%1 个探针样本，%2 维编码</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of them not drawn: their codes are infinite or NaN (the model diverged).</source>
        <translation>
            <numerusform>其中 %n 个未绘制：其编码为无穷大或 NaN（模型已发散）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Codes span %1 along x and %2 along y (max - min).</source>
        <translation>编码在 x 方向跨度 %1，y 方向跨度 %2（最大值 - 最小值）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LessonPanel</name>
    <message>
        <location filename="../../ui/lessons/LessonPanel.cpp" line="+22"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+113"/>
        <source>Set up and &amp;train</source>
        <translation>设置并训练(&amp;T)</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loads the step&apos;s dataset, sets the form and trains the step&apos;s runs (Alt+T)</source>
        <translation>加载这一步的数据集，设置表单并训练这一步的运行（Alt+T）</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No lesson open</source>
        <translation>没有打开的课程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a lesson from the Lessons menu, or open a lesson file.</source>
        <translation>从“课程”菜单中选择一节课，或打开一个课程文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Predict first</source>
        <translation>先预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch</source>
        <translation>观察</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>What it shows</source>
        <translation>它说明了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appears when the step&apos;s runs have ended: predict first.</source>
        <translation>这一步的运行结束后才显示：请先预测。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up and &amp;train %1 runs</source>
        <translation>设置并训练 %1 次运行(&amp;T)</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LessonsController</name>
    <message>
        <location filename="../../ui/lessons/LessonsController.cpp" line="+28"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the lessons</source>
        <translation>无法读取课程</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Open lesson file…</source>
        <translation>打开课程文件(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a lesson file</source>
        <translation>打开课程文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the lesson &amp;panel</source>
        <translation>显示课程面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Explain this variant</source>
        <translation>讲解这个变体(&amp;E)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot show the explanation</source>
        <translation>无法显示讲解</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot set it up</source>
        <translation>无法设置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a run is training: stop it or wait for its end</source>
        <translation>正在训练一个运行：请停止它或等待其结束</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+18"/>
        <source>Cannot set up the lesson</source>
        <translation>无法设置课程</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>the run in progress did not end</source>
        <translation>正在进行的运行没有结束</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot resume the lesson</source>
        <translation>无法继续课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session was saved during the lesson &quot;%1&quot;, which is not one of aelab&apos;s lessons: open its file from Lessons &gt; Open lesson file…</source>
        <translation>这个会话保存于课程“%1”进行期间，而它不是 aelab 自带的课程：请从“课程 &gt; 打开课程文件…”打开它的文件</translation>
    </message>
</context>
<context>
    <name>aelab::ui::LossView</name>
    <message>
        <location filename="../../ui/training/LossView.cpp" line="+27"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+120"/>
        <location line="+32"/>
        <source>%1 (per dimension)</source>
        <translation>%1（每维）</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>%1 (metric, right axis)</source>
        <translation>%1（指标，右轴）</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>validation (dashed, per epoch)</source>
        <translation>验证（虚线，每轮）</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-401"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terms</source>
        <translation>损失项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide loss terms; per-dimension terms are one group, metrics use the right-hand axis</source>
        <translation>显示或隐藏损失项；每维项合为一组，指标使用右侧坐标轴</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+5"/>
        <source>Smoothing of the training curves (exponential moving average)</source>
        <translation>训练曲线的平滑程度（指数移动平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where each shown loss curve ends (smoothed as drawn)</source>
        <translation>每条显示的损失曲线的终点值（按绘制时的平滑）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+78"/>
        <source> (validation)</source>
        <translation>（验证）</translation>
    </message>
    <message>
        <location line="+280"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>aelab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/window/MainWindow.cpp" line="+389"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../ui/window/MainWindowFiles.cpp" line="+33"/>
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
        <source>&amp;Resume training from a model…</source>
        <translation>从模型继续训练(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open s&amp;ession…</source>
        <translation>打开会话(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save sess&amp;ion…</source>
        <translation>保存会话(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export plot</source>
        <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a caption: variant and settings that differ from the defaults</source>
        <translation>添加图注：变体以及与默认值不同的设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the plot&apos;s data as CSV beside the image</source>
        <translation>把图的数据另存为 CSV，放在图像旁边</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the selected run&apos;s &amp;codes and reconstructions…</source>
        <translation>导出所选运行的编码和重建(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the &amp;manifold grid (image and arrays)…</source>
        <translation>导出流形网格（图像和数组）(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the latent &amp;timeline as frames…</source>
        <translation>把潜在空间时间线导出为帧(&amp;T)…</translation>
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
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot open a recent file</source>
        <translation>无法打开最近的文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is no longer there: it is removed from the list.</source>
        <translation>%1 已不存在：已从列表中移除。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The language changes to %1 when aelab starts again: a run is going. Stop it and choose the language again to switch now.</source>
        <translation>aelab 下次启动时语言将改为 %1：有一次运行正在进行。停止它并再次选择语言即可立即切换。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the language</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aelab starts again in %1 and reopens this session: every run of the Runs tab, the form and the views.</source>
        <translation>aelab 将以 %1 重新启动并重新打开这个会话：“运行”标签页中的每次运行、表单和各视图。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language changes the next time aelab starts.</source>
        <translation>语言将在下次启动 aelab 时更改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot start aelab again</source>
        <translation>无法重新启动 aelab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies the next time aelab starts; the session is saved in %1.</source>
        <translation>新语言将在 aelab 下次启动时生效；会话已保存在 %1。</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>&amp;About aelab</source>
        <translation>关于 aelab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/window/MainWindow.cpp" line="-247"/>
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+248"/>
        <source>Training %1 on %2 (%3 parameters)</source>
        <translation>正在 %2 上训练 %1（%3 个参数）</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Saved the model to %1</source>
        <translation>模型已保存到 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept as %1 in the Runs tab.</source>
        <translation>已作为 %1 保存在“运行”标签页中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sweep: run %1 of %2</source>
        <translation>扫描：第 %1 / %2 次运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep: run %1 of %2, about %3 s left</source>
        <translation>扫描：第 %1 / %2 次运行，约剩 %3 秒</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Cannot start a sweep</source>
        <translation>无法开始扫描</translation>
    </message>
    <message>
        <location line="-9"/>
        <location filename="../../ui/window/MainWindowSession.cpp" line="+174"/>
        <source>a run is training: stop it or wait for its end</source>
        <translation>正在训练一个运行：请停止它或等待其结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/window/MainWindowSession.cpp" line="+1"/>
        <source>no dataset is loaded yet</source>
        <translation>尚未加载数据集</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+1"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 loaded. Press Train (F5) to start.</source>
        <translation>%1 已加载。按“训练”(F5) 开始。</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+56"/>
        <location line="+27"/>
        <source>Paused at step %1. Resume (F6), Step (F7) or Stop.</source>
        <translation>已在第 %1 步暂停。可继续 (F6)、单步 (F7) 或停止。</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not started.</source>
        <translation>未开始。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opened %1: %2 with latent size %3, trained on %4.</source>
        <translation>已打开 %1：%2，潜在维度 %3，训练数据 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/window/MainWindowFiles.cpp" line="+40"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is no model yet: train one or open one first.</source>
        <translation>还没有模型：请先训练或打开一个模型。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is no view called &apos;%1&apos;.</source>
        <translation>没有名为“%1”的视图。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot export the plot</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>What each &amp;number means</source>
        <translation>每个数字的含义(&amp;N)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location filename="../../ui/window/MainWindowSession.cpp" line="+11"/>
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
        <location filename="../../ui/window/AboutDialog.cpp" line="+29"/>
        <source>&lt;h3&gt;aelab %1&lt;/h3&gt;&lt;p&gt;Autoencoder Lab: train autoencoders and watch them learn.&lt;/p&gt;&lt;p&gt;aelab is free software under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later), because QCustomPlot is GPL-3.0. It comes with no warranty.&lt;/p&gt;&lt;p&gt;Libraries in this build:&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;th align=left&gt;Library&lt;/th&gt;&lt;th align=left&gt;&amp;nbsp;Version&amp;nbsp;&lt;/th&gt;&lt;th align=left&gt;Licence&lt;/th&gt;&lt;/tr&gt;%2&lt;/table&gt;</source>
        <translation>&lt;h3&gt;aelab %1&lt;/h3&gt;&lt;p&gt;自编码器实验室：训练自编码器，观察它如何学习。&lt;/p&gt;&lt;p&gt;aelab 是自由软件，依据 GNU 通用公共许可证第 3 版或（由你选择）任何更新的版本（GPL-3.0-or-later）发布，因为 QCustomPlot 采用 GPL-3.0。本软件不提供任何担保。&lt;/p&gt;&lt;p&gt;本构建使用的库：&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;th align=left&gt;库&lt;/th&gt;&lt;th align=left&gt;&amp;nbsp;版本&amp;nbsp;&lt;/th&gt;&lt;th align=left&gt;许可证&lt;/th&gt;&lt;/tr&gt;%2&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About aelab</source>
        <translation>关于 aelab</translation>
    </message>
    <message>
        <location filename="../../ui/window/MainWindowExports.cpp" line="+32"/>
        <source>Cannot export the run&apos;s codes and reconstructions</source>
        <translation>无法导出这次运行的编码和重建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported the run&apos;s codes and reconstructions to %1</source>
        <translation>已把这次运行的编码和重建导出到 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+23"/>
        <source>Cannot export the timeline</source>
        <translation>无法导出时间线</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>There are no frames yet: train a run first.</source>
        <translation>还没有帧：请先训练一次运行。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Exported %n timeline frame(s) to %1</source>
        <translation>
            <numerusform>已把 %n 帧时间线导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>Cannot export the manifold grid</source>
        <translation>无法导出流形网格</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>There is no grid yet: open the Latent explorer and press Decode grid.</source>
        <translation>还没有网格：请打开潜在空间探索器并按“解码网格”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Exported the manifold grid to %1</source>
        <translation>已把流形网格导出到 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the manifold grid to</source>
        <translation>把流形网格导出到</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the selected run&apos;s codes and reconstructions to</source>
        <translation>把所选运行的编码和重建导出到</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the timeline&apos;s frames to</source>
        <translation>把时间线的帧导出到</translation>
    </message>
    <message>
        <location filename="../../ui/window/MainWindowSession.cpp" line="-84"/>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved the session (%n run(s)) to %1</source>
        <translation>
            <numerusform>已把会话（%n 次运行）保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>Opened the session %1: %n run(s).</source>
        <translation>
            <numerusform>已打开会话 %1：%n 次运行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resume training from a model</source>
        <translation>从模型继续训练</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aelab sessions (*.aelab)</source>
        <translation>aelab 会话 (*.aelab)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aelab sessions (*.aelab);;All files (*)</source>
        <translation>aelab 会话 (*.aelab);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ManifoldGridView</name>
    <message>
        <location filename="../../ui/explorer/ManifoldGridView.cpp" line="+17"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode grid</source>
        <translation>解码网格</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location filename="../../ui/diagnostics/MaskedDiagnostic.cpp" line="+22"/>
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
        <location line="+18"/>
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
    <name>aelab::ui::NumbersDialog</name>
    <message>
        <location filename="../../ui/window/NumbersDialog.cpp" line="+13"/>
        <source>What each number means</source>
        <translation>每个数字的含义</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The page is missing from this build (%1).</source>
        <translation>此构建中缺少该页面（%1）。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::OverlayPlot</name>
    <message>
        <location filename="../../ui/experiments/OverlayPlot.cpp" line="+28"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The loss term the runs are compared on</source>
        <translation>用于比较各运行的损失项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+90"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+89"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>samples seen</source>
        <translation>已见样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds of training</source>
        <translation>训练秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs with different batch sizes compare fairly against samples seen or seconds, not against steps.</source>
        <translation>批大小不同的运行，应按已见样本数或秒数比较才公平，而不是按步数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every step&apos;s training loss, smoothed (EMA %1); validation: one marker per epoch</source>
        <translation>每一步的训练损失，已平滑（EMA %1）；验证：每个轮次一个标记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Term</source>
        <translation>项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>against</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 (training)</source>
        <translation>%1（训练）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (validation)</source>
        <translation>%1（验证）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training samples seen</source>
        <translation>已见训练样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds of training (pauses excluded)</source>
        <translation>训练秒数（不含暂停）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select two or more runs in the list to overlay their curves.</source>
        <translation>在列表中选择两个或更多运行，以叠加显示其曲线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 runs; the value is each step&apos;s batch mean (training) or the validation set&apos;s mean at each epoch&apos;s end.</source>
        <translation>%1 个运行；数值为每一步的批次平均值（训练），或每个轮次结束时验证集上的平均值。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::PairedMaps</name>
    <message>
        <location filename="../../ui/experiments/PairedMaps.cpp" line="+47"/>
        <source>Select two runs to see their latent maps side by side.</source>
        <translation>选择两个运行，并排查看其潜在空间图。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same %1 probe samples in both. Drag a rectangle over one map: the same samples are ringed in the other.</source>
        <translation>两图中是相同的 %1 个探针样本。在一张图上拖出矩形：另一张图中会圈出相同的样本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These runs show different probe samples (other data or seed), so samples cannot be matched between the maps.</source>
        <translation>这些运行显示的探针样本不同（数据或种子不同），因此两图之间的样本无法对应。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::Presentation</name>
    <message>
        <location filename="../../ui/present/Presentation.cpp" line="+80"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For a projector: full screen, zoomed, advanced controls hidden, high contrast (F12)</source>
        <translation>用于投影仪：全屏、放大、隐藏高级控件、高对比度（F12）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual size (100%)</source>
        <translation>实际大小 (100%)(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Enlarge the view (Esc returns)</source>
        <translation>放大视图（按 Esc 返回）(&amp;E)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Zoom of the whole window: Ctrl+= and Ctrl+- change it, Ctrl+0 resets it</source>
        <translation>整个窗口的缩放：Ctrl+= 和 Ctrl+- 调整，Ctrl+0 复原</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Dark palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light text on dark grey for the window and every plot (Fusion style)</source>
        <translation>窗口和所有图表使用深灰底浅色字（Fusion 风格）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next tab	Ctrl+Tab</source>
        <translation>下一个标签页	Ctrl+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous tab	Ctrl+Shift+Tab</source>
        <translation>上一个标签页	Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
</context>
<context>
    <name>aelab::ui::PriorDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/PriorDiagnostic.cpp" line="+29"/>
        <source>Prior samples over the encoded codes</source>
        <translation>先验样本与潜在编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>prior samples z ~ p(z)</source>
        <translation>先验样本 z ~ p(z)</translation>
    </message>
    <message>
        <location line="+60"/>
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
        <source>Prior: %1. Grey: %2 samples of the prior; in colour: the codes of the %2 probe samples, by class. The objective pushes the codes to cover the prior.</source>
        <translation>先验：%1。灰色：先验的 %2 个样本；彩色：%2 个探针样本的编码，按类别着色。目标函数推动编码覆盖先验。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ProbePlot</name>
    <message>
        <location filename="../../ui/experiments/ProbePlot.cpp" line="+68"/>
        <source>%1: %2-dimensional codes against raw inputs and PCA with %2 components; test accuracy on %3 test samples. Dotted: always guessing the commonest class (%4). &quot;all&quot; is drawn at %5 per class.</source>
        <translation>%1：%2 维编码，对比原始输入和 %2 个主成分的 PCA；在 %3 个测试样本上的测试准确率。点线：总是猜最常见的类别（%4）。“全部”画在每类 %5 处。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Stopped before every fit was done.</source>
        <translation> 在所有拟合完成前已停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Classifier</source>
        <translation>分类器</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RealSpinBox</name>
    <message>
        <location filename="../../ui/form/ParamFields.cpp" line="-45"/>
        <source>%1 is not accepted: %2 must be in %3</source>
        <translation>不接受 %1：%2 必须在 %3 内</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RecentFiles</name>
    <message>
        <location filename="../../ui/window/RecentFiles.cpp" line="+79"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>aelab::ui::ReconstructionView</name>
    <message>
        <location filename="../../ui/training/ReconstructionView.cpp" line="+15"/>
        <source>Reconstructions</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+41"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Originals over their reconstructions appear here while training.</source>
        <translation>训练时，原图及其下方的重构会显示在这里。</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>aelab::ui::RunActions</name>
    <message>
        <location filename="../../ui/window/RunActions.cpp" line="+21"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train a new model with these settings</source>
        <translation>用当前设置训练新模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train one batch, then pause</source>
        <translation>训练一个批次后暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop training, keeping the model</source>
        <translation>停止训练并保留模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop and clear the model and the views</source>
        <translation>停止并清除模型和视图</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RunAgainDialog</name>
    <message>
        <location filename="../../ui/experiments/RunAgainDialog.cpp" line="+18"/>
        <source>Run %1 again with one change</source>
        <translation>改动一项设置后再次运行 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new run keeps the seed, and with it the batch order; it starts from the same initial weights when the change leaves the network&apos;s shape alone, so the difference between the two runs is the change and not the noise.</source>
        <translation>新运行保留种子，因而批次顺序也相同；当改动不影响网络形状时，它从相同的初始权重开始，因此两次运行的差别来自这项改动，而不是噪声。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Now %1; a whole number in [1, 100000].</source>
        <translation>当前为 %1；取 [1, 100000] 中的整数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Now %1; allowed: %2.</source>
        <translation>当前为 %1；允许：%2。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RunList</name>
    <message>
        <location filename="../../ui/experiments/RunList.cpp" line="+12"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RunStatusBar</name>
    <message>
        <location filename="../../ui/window/RunStatusBar.cpp" line="+34"/>
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
        <location line="+20"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>aelab::ui::RunsView</name>
    <message>
        <location filename="../../ui/experiments/RunsView.cpp" line="+17"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run again with one change…</source>
        <translation>改动一项后再次运行…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sweep…</source>
        <translation>扫描…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe codes…</source>
        <translation>探测编码…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fine-tune…</source>
        <translation>微调…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To PyTorch…</source>
        <translation>导出到 PyTorch…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean objective on the validation part after the last epoch</source>
        <translation>最后一个轮次结束后验证部分上的平均目标函数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time, pauses excluded</source>
        <translation>训练时间，不含暂停</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Train the selected run again with one setting changed: the same seed, batch order and (when the shapes allow) initial weights</source>
        <translation>改动一项设置后再次训练所选运行：相同的种子、批次顺序以及（形状允许时）初始权重</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Train one run per value of a setting (and per seed), one after another</source>
        <translation>为某个设置的每个取值（以及每个种子）各训练一次，依次进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the selected run&apos;s codes are good for: a classifier fitted on 1, 10, 100 and all labels per class, on the codes, the raw inputs and PCA</source>
        <translation>所选运行的编码有什么用：分别在编码、原始输入和 PCA 上，用每类 1、10、100 个及全部标签拟合分类器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the selected run for PyTorch into a folder: its weights, the network as a torch.nn.Module, train.py (one process or torchrun) and the training data</source>
        <translation>把所选运行写入一个文件夹供 PyTorch 使用：其权重、作为 torch.nn.Module 的网络、train.py（单进程或 torchrun）以及训练数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does the selected run&apos;s pretraining help when labels are few? Its encoder plus a softmax head trained on 1, 10 and 100 labels per class, against the same network from a random start</source>
        <translation>标签很少时，所选运行的预训练有帮助吗？用每类 1、10 和 100 个标签训练其编码器加 softmax 输出层，并与随机初始化的同一网络比较</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Final loss against the setting</source>
        <translation>最终损失随设置的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent maps side by side</source>
        <translation>并排的潜在空间图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each run&apos;s map</source>
        <translation>每个运行的图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the codes are good for</source>
        <translation>编码有什么用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained against random start</source>
        <translation>预训练对比随机初始化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a run on a labelled dataset and press Probe codes.</source>
        <translation>选择一个在带标签数据集上训练的运行，然后按“探测编码”。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot probe the codes</source>
        <translation>无法探测编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the PyTorch files</source>
        <translation>存放 PyTorch 文件的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot export to PyTorch</source>
        <translation>无法导出到 PyTorch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot fine-tune</source>
        <translation>无法微调</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select one run to %1.</source>
        <translation>请选择一个运行来%1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A run is training: wait until it has ended (this holds the training thread).</source>
        <translation>正在训练一个运行：请等它结束（此操作会占用训练线程）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>probe</source>
        <translation>探测编码</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>%1 was trained on %2: load that dataset first.</source>
        <translation>%1 是在 %2 上训练的：请先加载该数据集。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Probing %1&apos;s codes…</source>
        <translation>正在探测 %1 的编码…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fine-tuning %1&apos;s encoder and a random start on 1, 10 and 100 labels per class…</source>
        <translation>正在每类 1、10 和 100 个标签上微调 %1 的编码器和随机初始化的网络…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1 for PyTorch into %2…</source>
        <translation>正在把 %1 写入 %2 供 PyTorch 使用…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The probe failed: %1</source>
        <translation>探测失败：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PyTorch export failed: %1</source>
        <translation>导出到 PyTorch 失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written for PyTorch into %1: cd there and run python3 train.py (README.md has the torchrun line).</source>
        <translation>已写入 %1 供 PyTorch 使用：进入该文件夹运行 python3 train.py（README.md 中有 torchrun 命令）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fine-tuning failed: %1</source>
        <translation>微调失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Runs: overlaid loss curves</source>
        <translation>运行：叠加的损失曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs: latent maps side by side</source>
        <translation>运行：并排的潜在空间图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs: each run&apos;s map and reconstructions</source>
        <translation>运行：每个运行的图和重建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs: what the codes are good for</source>
        <translation>运行：编码有什么用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs: pretrained against random start</source>
        <translation>运行：预训练对比随机初始化</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Every run you train is kept here. Train one (F5), change a setting, train again, then select both to compare them.</source>
        <translation>你训练的每个运行都保存在这里。训练一次（F5），改动一项设置，再训练一次，然后选中两者进行比较。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select two or more runs (Ctrl+click) to compare them. Double-click a name or note to edit it.</source>
        <translation>选择两个或更多运行（Ctrl+单击）进行比较。双击名称或备注可编辑。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 runs selected.</source>
        <translation>已选择 %1 个运行。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select one run to train again.</source>
        <translation>请选择一个运行再次训练。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot train the run again</source>
        <translation>无法再次训练该运行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no run is selected</source>
        <translation>没有选择运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>select one run to save its model</source>
        <translation>请选择一个运行以保存其模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the file a .csv, .json or .safetensors suffix</source>
        <translation>请给文件加上 .csv、.json 或 .safetensors 后缀</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>select one run to export its codes and reconstructions</source>
        <translation>请选择一次运行以导出其编码和重建</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export the selected runs</source>
        <translation>导出所选运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss curves, CSV (*.csv);;Settings, histories and final figures, JSON (*.json);;Model file of one run (*.safetensors)</source>
        <translation>损失曲线，CSV (*.csv);;设置、历史与最终数值，JSON (*.json);;单个运行的模型文件 (*.safetensors)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot export the runs</source>
        <translation>无法导出运行</translation>
    </message>
</context>
<context>
    <name>aelab::ui::SmallMultiples</name>
    <message>
        <location filename="../../ui/experiments/SmallMultiples.cpp" line="+58"/>
        <source>Same scale in every map</source>
        <translation>所有图使用同一比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw every map on the axes that hold all of them, so a map whose codes barely spread looks small instead of being blown up to fill its cell</source>
        <translation>在能容纳全部图的同一坐标轴上绘制每张图，这样编码几乎没有展开的图会显得很小，而不会被放大到填满整个格子</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Select runs (a sweep&apos;s runs, say) to see each one&apos;s latent map and reconstructions in a grid.</source>
        <translation>选择若干运行（例如一次扫描的运行），以网格查看每个运行的潜在图和重建。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Originals (top) over their reconstructions (bottom)</source>
        <translation>原图（上）与其重建（下）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One run: its latent map of the probe set</source>
        <translation>一个运行：它在探测集上的潜在图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 runs: each one&apos;s latent map of the probe set</source>
        <translation>%1 个运行：每个运行在探测集上的潜在图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, originals over reconstructions below it</source>
        <translation>，其下方为原图（上）与重建（下）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the first %1 of the %2 selected runs are drawn.</source>
        <translation>所选 %2 个运行中只绘制前 %1 个。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::SparseDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/SparseDiagnostic.cpp" line="+15"/>
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
        <location line="+2"/>
        <source>mean activation over the probe set</source>
        <translation>探针集上的平均激活</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Target ρ = %1 (dashed). Mean of ρ̂ⱼ = %2; %3 of %4 units within ±50% of ρ.</source>
        <translation>目标 ρ = %1（虚线）。ρ̂ⱼ 的均值 = %2；%4 个单元中有 %3 个在 ρ 的 ±50% 以内。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::StackedDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/StackedDiagnostic.cpp" line="+20"/>
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
        <location line="+2"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shaded: each greedy pretraining phase, then fine-tuning.</source>
        <translation>阴影：各个逐层贪婪预训练阶段，之后为微调。</translation>
    </message>
    <message>
        <location line="+84"/>
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
    <name>aelab::ui::SubspaceDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/SubspaceDiagnostic.cpp" line="+20"/>
        <source>Principal angles between the reconstructions&apos; subspace and PCA&apos;s</source>
        <translation>重建子空间与 PCA 子空间之间的主角</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>principal angle i (smallest first)</source>
        <translation>主角 i（从小到大）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>angle θᵢ (degrees)</source>
        <translation>夹角 θᵢ（度）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a model: the angles appear here.</source>
        <translation>训练一个模型后，夹角会显示在这里。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The code is as wide as the data: there is no smaller subspace to compare.</source>
        <translation>编码与数据一样宽：没有更小的子空间可比较。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>θᵢ: the principal angles between the span of the probe set&apos;s reconstructions (their top %1 principal directions) and the top %1 principal directions of the probe set itself; cos θᵢ are the singular values of AᵀB. Largest %2°, mean %3°. 0° everywhere: the same subspace, which a linear autoencoder reaches at its minimum (Baldi and Hornik 1989); a non-linear one need not.</source>
        <translation>θᵢ：探查集重建所张子空间（其前 %1 个主方向）与探查集本身前 %1 个主方向之间的主角；cos θᵢ 是 AᵀB 的奇异值。最大 %2°，平均 %3°。全部为 0° 表示同一个子空间——线性自编码器在最优点必然达到（Baldi 与 Hornik，1989）；非线性自编码器则不一定。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::SweepDialog</name>
    <message>
        <location filename="../../ui/experiments/SweepDialog.cpp" line="+40"/>
        <source>Sweep a setting</source>
        <translation>扫描一个设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A list (16,64,256), or a range lo:hi:n with even steps, or lo:hi:n:log with equal ratios (1e-5:1e-1:5:log)</source>
        <translation>一个列表（16,64,256），或等间距范围 lo:hi:n，或等比范围 lo:hi:n:log（1e-5:1e-1:5:log）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs per value, with seeds %1, %2, ...: the spread over seeds shows how much of a difference is noise</source>
        <translation>每个取值的运行次数，种子为 %1、%2……：不同种子之间的离散程度显示差别中有多少是噪声</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every run shares the form&apos;s other settings (%1, %2 epochs) and trains one after another; each becomes a run of the Runs tab, which plots the final loss against the value when the sweep ends.</source>
        <translation>每个运行共享表单中的其他设置（%1，%2 个轮次），并依次训练；每个都成为“运行”标签页中的一个运行，扫描结束后在那里绘制最终损失随取值的变化。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Train the sweep</source>
        <translation>训练扫描</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds per value</source>
        <translation>每个取值的种子数</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n run(s): </source>
        <translation>
            <numerusform>%n 个运行：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, each with %1 seeds</source>
        <translation>，每个 %1 个种子</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::SwitchDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/SwitchDiagnostic.cpp" line="+13"/>
        <source>Unpooling switches: what reaches the decoder past the code</source>
        <translation>反池化开关：绕过编码到达解码器的信息</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This model does not unpool: its decoder sees the code and nothing else. With Architecture conv and Conv upsampling unpool, the decoder puts values back where the encoder&apos;s max-pools found them in x; this panel then shows what those switches carry past the code.</source>
        <translation>此模型不做反池化：解码器只看到编码。选择架构 conv 且卷积上采样为 unpool 时，解码器会把值放回编码器最大池化在 x 中找到最大值的位置；此面板届时显示这些开关绕过编码带去了多少信息。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with switches</source>
        <translation>用开关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code alone</source>
        <translation>仅用编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconstruction term on %1 test images: %2 with the encoder&apos;s switches of each image (what training and the Reconstructions view use), %3 from the code alone (switches unknown: values at each window&apos;s corner, as when a latent point is decoded). The switches are one position in each of %4 pooling windows: up to %5 bits per image (%6 bits by their entropy on these images), beside a code of %7 numbers. SegNet passes them on purpose; here they let the reconstruction look better than the code alone allows.</source>
        <translation>%1 张测试图像上的重构项：使用每张图像自己的编码器开关时为 %2（训练和重构视图所用），仅用编码时为 %3（开关未知：值放在每个窗口的左上角，与解码潜在点时相同）。开关是 %4 个池化窗口中各自的一个位置：每张图像最多 %5 比特（按这些图像上的熵为 %6 比特），而编码只有 %7 个数。SegNet 有意传递它们；在这里它们让重构看起来比仅凭编码所能达到的更好。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::TrainingWorker</name>
    <message>
        <location filename="../../ui/worker/TrainingWorker.cpp" line="+77"/>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot keep the run in the run list</source>
        <translation>无法将该运行保存到运行列表</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Cannot change a setting while training</source>
        <translation>训练期间无法更改设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot keep the timeline</source>
        <translation>无法保存时间轴</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Cannot draw the views</source>
        <translation>无法绘制视图</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot open the model %1</source>
        <translation>无法打开模型 %1</translation>
    </message>
</context>
<context>
    <name>aelab::ui::TrendPlot</name>
    <message>
        <location filename="../../ui/experiments/TrendPlot.cpp" line="+19"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which of the runs&apos; final loss terms and metrics to plot against the setting</source>
        <translation>要相对该设置绘制的运行最终损失项或指标</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Select runs that differ in one numeric setting (a sweep&apos;s runs) to plot their final loss against it.</source>
        <translation>选择只在一个数值设置上不同的运行（例如一次扫描的各运行），绘制其最终损失随该设置的变化。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>final validation %1</source>
        <translation>最终验证 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>final training %1</source>
        <translation>最终训练 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Each point: the last epoch&apos;s mean %1 of the run with that %2.</source>
        <translation>每个点：该 %2 取值的运行在最后一个轮次的 %1 均值。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Each point: the mean over the runs with that %1 (up to %2 seeds); the bar spans the lowest to the highest.</source>
        <translation>每个点：该 %1 取值下各运行的平均值（最多 %2 个种子）；误差条从最低延伸到最高。</translation>
    </message>
</context>
<context>
    <name>aelab::ui::VaeDiagnostic</name>
    <message>
        <location filename="../../ui/diagnostics/VaeDiagnostic.cpp" line="+25"/>
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
        <location line="+2"/>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Var over x of μⱼ</source>
        <translation>μⱼ 在 x 上的方差</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>On %1 probe samples: log p(x) ≥ %2 nats (importance-weighted, k = %3, Burda et al. 2016); ELBO %4 nats.</source>
        <translation>在 %1 个探测样本上：log p(x) ≥ %2 nats（重要性加权，k = %3，Burda et al. 2016）；ELBO 为 %4 nats。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No ELBO or log-likelihood: this decoder&apos;s term (BCE on grey data, or a squared error) is not a normalised density. Output continuous-bernoulli or gaussian gives both in nats.</source>
        <translation>没有 ELBO 或对数似然：此解码器的项（灰度数据上的 BCE 或平方误差）不是归一化的密度。输出选 continuous-bernoulli 或 gaussian 可得到两者（单位 nats）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active units: %1 of %2 (Var(μⱼ) &gt; 0.01). Total KL %3 nats per sample.</source>
        <translation>活跃单元：%2 个中有 %1 个（Var(μⱼ) &gt; 0.01）。每个样本的总 KL 为 %3 nats。</translation>
    </message>
    <message>
        <location line="+4"/>
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
