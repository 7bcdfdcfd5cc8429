package io.oomdoc.protocol.facts;

import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers with a role: micro-batch, sequence length, LoRA rank, depth, accumulation, GPU count, and sizes in bytes
 * classified by what they measure. A size is the card's memory only where the words say so (a total capacity, "an
 * 80gb card", "3090 24gb", "GPU has 79 GiB total"); free, used, allocated, reserved, "weights took", "MA", "Tried to
 * allocate" and every other bare size are not the card.
 */
public final class Quantities {
    private static final String NUM = "(\\d{1,7})";

    private static final Pattern BATCH = Pattern.compile(
            // 默认的 batch_size ("the default batch_size") is the code's, not the run's
            "(?<![\\w.])(?<!total[ _])(?<!effective[ _])(?<!global[ _])(?<!eval[ _])(?<!prefill[ _-])(?<!max[ _-])"
            + "(?<!默认的)(?<!默认)(?<!默认的\\s)"
            // detectron2's SOLVER.IMS_PER_BATCH is its batch
            + "(?:ims[_ ]per[_ ]|per[_ -]device[_ -](?:train[_ -])?|device[_ -]|train[_ -]micro[_ -]|micro[_ -]?"
            + "|mini[_ -]?|train[_ "
                    + "-]"
            // an inference script's own batch: "--stage2_batch_size 4", "generate_batch_size = 100"
            + "|stage\\d[_ -]|generat(?:e|ion)[_ -]|infer(?:ence)?[_ -])?"
            // MMCV 1.x configs name the per-GPU batch samples_per_gpu
            + "(?:batch(?:[_ -]?sizes?)?(?:[_ -]per[_ -](?:device|gpu))?|samples[_ ]per[_ ]gpu)(?:\\.[a-z_]+)*\\s*"
            // "BATCH_SIZE can only set as 4" (facebookresearch/video-long-term-feature-banks)
            + "(?:(?:is |was |been |got |(?:can|could) (?:only )?(?:be )?)?"
            + "(?:lowered|reduced|decreased|cut|dropped|set|changed|increased|raised)\\s+)?"
            // 为/是/在/设为/开到 ("batch_size开到2", "batchSize在512的时候"): the Chinese words
            // between a setting and its value
            // "set batch_size equal to 1"
            + "(?:of|==?|:|is|to|was|at|from|as (?:small|low) as|down to|equals?(?: to)?|as"
            + "|为|是|在|设为|设置为|设成|改为|改成|开到|调到|用)?\\s*"
            + "(?:already |now |still |just |only )?" + NUM
            // "batch_size=128//devices" is an expression whose value the turn does not give
            + "(?!\\d|\\.\\d|%)(?!\\s*/\\s*\\d)(?!\\s+of\\s+\\d)(?!\\s*//)");
    /**
     * "the largest batch size I can set is 32", "the biggest batch that fits my 11GB GPU is 16": the most the user's
     * job takes, said after a clause about it.
     */
    private static final Pattern BATCH_MOST = Pattern.compile("(?<![\\w.])(?:largest|biggest|max(?:imum)?|highest"
            + "|most)\\s+(?:micro[_ -]?)?batch(?:[_ -]?size)?\\s+(?:that|which|i|we|it)\\b[^.?!\\n]{0,40}?\\s"
            + "(?:is|was|=|:)\\s*(?:only\\s+|just\\s+)?" + NUM + "(?!\\d|\\.\\d|%)");
    /** "使用32 batch size", "with a 64 batch size": the value before the setting's name. */
    // Java's \\b counts Han characters as letters: "size感觉" has no boundary, so the end is "no Latin letter next"
    // "I guess 32 is the batch size" (seyedsaeidmasoumzadeh/Predict-next-word#5)
    private static final Pattern BATCH_BEFORE = Pattern.compile("(?<![\\w.])(\\d{1,5})\\s*(?:的|个)?\\s*"
            + "(?:is\\s+(?:the|my)\\s+)?(?:batch[_ -]?size)(?![a-z0-9_])(?!\\s*(?:of|=|:|is|to)?\\s*\\d)");
    /**
     * "data.params.batch_size: 1 in configs/train.yaml" (LidongWang-26/DiffV2IR#14): a batch size under a config
     * path is the batch, unless the path is an evaluation's.
     */
    private static final Pattern CONFIG_BATCH = Pattern.compile("(?<![\\w.])(?![\\w.]*\\b(?:val|valid|validation"
            // "config.sample.train_batch_size = 12" (yifan123/flow_grpo): a training batch under its path too
            + "|eval|test)[._])(?:[a-z_]+\\.)+(?:train_)?batch_size(?:_per_gpu)?\\s*[:=]\\s*" + NUM
            + "(?!\\d|\\.\\d)");
    /**
     * "2 nodes x 8 A100" (bofenghuang/vigogne#10), "two nodes with 8 GPUs": nodes times the cards of each node are
     * the job's cards.
     */
    private static final Pattern NODES = Pattern.compile("(?<![\\w.])(\\d{1,3}|two|three|four|eight|sixteen)\\s*"
            + "nodes?\\s*(?:x|×|\\*|with|of|each with)\\s*(\\d{1,2})\\s*(?:x\\s*)?(?:nvidia\\s+)?" + "(?:"
            + "(?!(?:fp|bf|int)\\d)[a-z]{0,5}\\d{2,4}[a-z]{0,3}|[lt]4|gpus?|cards?)(?![\\w])");
    /** "64 images per GPU", "8 samples per device": what one card takes per step is the per-device batch. */
    private static final Pattern PER_DEVICE_ITEMS = Pattern.compile("(?<![\\w.])" + NUM + "\\s+(?:images|samples"
            + "|sequences|examples|clips|videos)\\s+(?:per|on each|each)\\s+(?:gpu|device|card)\\b");
    /** "the batch size is one": a size spelled out; only after a verb or "of", so "batch two" stays a batch's name. */
    private static final Pattern BATCH_WORD = Pattern.compile("(?<![\\w.])(?:micro[_ -]?|mini[_ -]?)?batch[_ -]?size"
            + "\\s+(?:is|was|of|=|:|set to)\\s+(?:only\\s+|just\\s+|already\\s+)?(one|two|four|eight|sixteen)\\b");
    /** "I already reduced batch_size and num_workers to 1" (IceClear/StableSR#41). */
    private static final Pattern BATCH_AND = Pattern.compile("(?<![\\w.])batch[_ -]?size\\s+and\\s+[\\w.-]+\\s+"
            + "(?:both\\s+)?to\\s+" + NUM + "(?!\\d|\\.\\d)");
    /** "with batch size 4 on GPUs 0,1" (princeton-vl/RAFT#33): the ids listed count the cards. */
    private static final Pattern GPU_IDS = Pattern.compile("\\bgpus?\\s*(?:ids?\\s*)?[:=]?\\s*"
            + "(\\d{1,2}(?:\\s*,\\s*\\d{1,2})+)(?![\\d.])");
    private static final Pattern BS = Pattern.compile("(?<![\\w.])(?:--)?bs\\s*[=:]?\\s*" + NUM + "(?!\\d|\\.\\d)");
    private static final Pattern TOTAL_BATCH = Pattern.compile(
            "(?<![\\w])(?:total|effective|global)[_ -]batch(?:[_ -]size)?\\s*(?:of|=|:|is|to)?\\s*" + NUM
                    + "(?!\\d|\\.\\d)");
    private static final Pattern ACCUM = Pattern.compile(
            "(?<![\\w])(?:--)?grad(?:ient)?[_ -]?accum(?:ulation)?(?:[_ -]steps?)?\\s*(?:of|=|:|is|to)?\\s*" + NUM
                    + "(?!\\d|\\.\\d)");
    private static final Pattern SEQ = Pattern.compile(
            "(?<![\\w])(?:--)?(?:max[_ -]?seq(?:uence)?[_ -]?len(?:gth)?|seq(?:uence)?[_ -]?len(?:gth)?s?|max[_ "
                    + "-]?length|max[_ -]?len"
            // num_ctx: Ollama's context option
            + "|context[_ -]?(?:length|len|size|window)?|ctx[_ -]?(?:len|size)|n[_-]ctx|num[_-]ctx|block[_ -]?size"
            + "|max[_ -]?model[_ -]?len"
            + "|cutoff[_ -]len|model_max_length|max[_ -]total[_ -]tokens|seq)"
            + "\\s*(?:of|=|:|is|to|at|was|from|\\(|>|<|under|above|up to)?\\s*" + NUM + "(k)?(?!\\d|\\.\\d)");
    private static final Pattern LLAMA_CTX = Pattern.compile("(?<![\\w-])-c\\s+" + NUM + "(?!\\d|\\.\\d)");
    private static final Pattern K_CONTEXT = Pattern.compile(
            "(?<![\\w.])" + NUM + "\\s?(k)?[ -]?(?:tokens?\\s+)?(?:context|ctx|seq(?:uences?)?(?:[ -]len(?:gth)?)?"
            // "will it fit with an 8192 max length?" (vllm#8185): the number before the name of the setting
            + "|max(?:imum)?[ _-](?:model[ _-])?len(?:gth)?)\\b");
    private static final Pattern TOKENS = Pattern.compile("(?<![\\w.])" + NUM + "\\s?(k)?\\s*tokens?\\b");
    private static final Pattern NOT_SEQ_TOKENS = Pattern.compile("(?:for|asking for|new|prefill|generate|generating"
            + "|request with|output|of kv|with)\\s*$");
    private static final Pattern RANK = Pattern.compile(
            "(?<![\\w.])(?:--)?(?:lora[_ -]?r(?:ank)?|lora[_ -]?dim|r|rank)\\s*(?:=|:|of|is)?\\s*" + NUM
                    + "(?!\\d|\\.\\d)");
    private static final Pattern DEPTH = Pattern.compile("(?<![\\w])(?:--)?(?:depth|n[_-]?layers?|num[_ "
            + "]layers)\\s*[=:]?\\s*(?:to\\s+|of\\s+)?" + NUM + "(?!\\d|\\.\\d)");
    private static final Pattern NANOCHAT_D = Pattern.compile("(?<![\\w-])d(\\d{1,2})(?![\\w])");

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
                    Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("sixteen", 16), Map.entry("single", 1), Map.entry("both", 2),
            Map.entry("dual", 2), Map.entry("a", 1), Map.entry("an", 1), Map.entry("my", 1), Map.entry("pair of", 2),
            // Chinese numerals before a card: 单卡 (one card), 双卡/两张 (two), 四张 A100 (four)
            Map.entry("一", 1), Map.entry("单", 1), Map.entry("双", 2), Map.entry("两", 2),
            Map.entry("二", 2), Map.entry("三", 3), Map.entry("四", 4), Map.entry("五", 5),
            Map.entry("六", 6), Map.entry("七", 7), Map.entry("八", 8));
    /** A Chinese numeral that counts cards (the keys of {@link #WORDS} in Han characters). */
    private static final String HAN_NUMERAL = "[一单双两二三四五六七八]";
    /** A token that names a GPU: a catalog-like model number ("a100", "3090", "4060 ti") or "gpu"/"card". */
    static final String GPU_TOKEN = "(?:(?!(?:fp|bf|int|tf|q|d|r|vgg"
            + "|x)\\d)(?!\\d+(?:\\.\\d+)?[bm]\\b)(?:[a-z]{1,2}-(?=\\d))?[a-z]{0,5}\\d{2,4}[a-z]{0,3}"
            + "(?:\\s?ti)?(?:\\s?super)?(?:\\s?ada)?(?:'?s)?|[lt]4|rtx"
                    + "|gtx"
                    + "|titan(?:\\s[a-z]+)?|gpus?|cards?|graphics cards?|devices?|显卡|卡)";
    private static final Pattern COUNT = Pattern.compile(
            // "a-100 80gb": a card's number after a hyphen is not a count, nor a CPU's tier ("Ryzen 5 7600X")
            // "8张T4", "8块A100", "8卡4090": a Chinese measure word between the count and the card; "单卡",
            // "两张4090": a Chinese numeral, written without a space
            "(?<![\\w.])(?:(?<!-)(?<!ryzen )(\\d{1,3})(?!\\d)\\s*(?:x|×|\\*|张|块|卡(?=\\s*\\w))?\\s*"
                    + "|(one|two|three|four|five|six|seven|eight|sixteen|single|both|dual|an?|my|pair of|"
                    + HAN_NUMERAL + "(?=\\s*[张块卡]|\\s*显卡))"
                    + "(?:\\s+|-(?=gpu)|(?<=" + HAN_NUMERAL + ")\\s*(?:张|块)?\\s*)(?:x\\s+)?)"
            + "(?:of\\s+(?:these|those|the|them|our)\\s+)?(?:local\\s+|more\\s+|identical\\s+|separate\\s+"
                    + "|nvidia\\s+|geforce\\s+|tesla\\s+|quadro\\s+)*"
            + "(?:\\d+(?:\\.\\d+)?\\s*gb?\\s+)?(?:nvidia\\s+|geforce\\s+|tesla\\s+|quadro\\s+)?(" + GPU_TOKEN + ")"
            // a card's Chinese name may run on into what follows ("单卡60G")
            + "(?:(?<=卡)|(?![\\w]))");
    private static final Pattern OF_THEM = Pattern.compile("(?<![\\w.])(\\d{1,3}|two|three|four|six|eight) of "
            + "(?:them|these|those)\\b");
    private static final Pattern COUNT_FLAG = Pattern.compile(
            "(?:tensor[ -]parallel(?:ism)?(?: size)?|--nproc[_-]per[_-]node|--num[_-]gpus|--gpus|(?:--)?num[_-]shard"
                    + "|--tensor[_-]parallel[_-]size|tensor_parallel_size|world[_ ]size|num[_ ]gpus|--num_processes"
                            + "|num_processes|--tp[_-]size|tp_size)"
            + "\\s*(?:of|=|:|is)?\\s*(\\d{1,4})(?!\\d|\\.\\d)|(?<![\\w-])-tp\\s+(\\d{1,3})(?!\\d|\\.\\d)"
                    + "|cuda_visible_devices=([\\d,]+)"
            // Lightning's Trainer(gpus=4), Slurm's --gres gpu:4
            + "|(?<![\\w-])(?:gpus\\s*=|--gres[= ]gpu:)\\s*(\\d{1,3})(?!\\d|\\.\\d)");
    /**
     * The devices an engine's own log lists: llama.cpp's "found 2 CUDA devices", Ollama's per-card lists
     * (memory.available="[22.0 GiB 22.0 GiB]", layers.split=11,11,11,11).
     */
    private static final Pattern ENGINE_DEVICES = Pattern.compile("\\bfound (\\d{1,2}) (?:cuda|rocm|hip|vulkan|metal) "
            + "devices?\\b|memory\\.available=\"?\\[((?:[\\d.]+ [kmgt]i?b\\s*){2,})\\]"
            + "|layers\\.split=(\\d+(?:,\\d+)+)");
    /** "3x24 GB", "A100 8 * 80 GB": a count times one card's memory is the cards and each card's size. */
    private static final Pattern COUNT_TIMES_SIZE = Pattern.compile("(?<![\\w.])(\\d{1,2})\\s*[x×*]\\s*"
            + "(\\d{1,3}(?:\\.\\d+)?)\\s*(gb|gib|g)(?![a-z0-9])");
    /** "L40s (48GB VRAM) x 2", "rtx 3090 x 2": the count after the card. */
    private static final Pattern COUNT_AFTER = Pattern.compile("(?<![\\w.])(" + GPU_TOKEN + ")(?:\\s*\\([^)]{0,30}\\))?"
            + "\\s*[x×*]\\s*(\\d{1,3})(?![\\w.])");
    private static final Pattern COUNT_NEGATED = Pattern.compile("\\bnot\\s+(?:just\\s+|only\\s+)?(?:the\\s+)?$");

    /**
     * The units as people say them too: "32gigs of ram", "8 gigs", "16 gigabytes", and French octets written against
     * the number ("24go de vram", "512mo"): "go" and "mo" only without a space, where no English word can be meant.
     */
    private static final Pattern SIZE = Pattern.compile("(?<![\\w.])(\\d+(?:[.,]\\d+)?)(?:\\s*(tib|tb|t|gib|gbs|gb|g"
            + "|mib"
            + "|mb|gigs?|gigabytes?|megabytes?|terabytes?)|(go|mo))(?![a-z0-9])");
    private static final Pattern GPU_OWNS_BEFORE = Pattern.compile("\\b(?:gpu|card|graphics card)s?\\b[^.,;]{0,30}"
            + "\\b(?:with|has|have|equipped with)\\s*(?:only\\s+|just\\s+)?$");
    private static final Pattern USED_OVER_BEFORE =
            Pattern.compile("\\d(?:\\.\\d+)?\\s*(?:gb|gib|g|mb|mib)?\\s*/\\s*$");
    private static final Pattern HOST_AFTER = Pattern.compile("^\\s*(?:of\\s+)?(?:(?:system|cpu|host|main"
            + "|physical)\\s+)?(?:ddr\\d\\w*\\s+)?(?:ram|memory\\s+ram|dram)\\b"
            + "|^\\s*(?:of\\s+)?(?:system|host|cpu)\\s+memory"
            // "8 GB DDR4 RAM", "16gb ddr5": the memory's generation names host RAM
            + "|^\\s*(?:of\\s+)?ddr\\d"
            + "|^\\s*(?:的)?\\s*(?:系统)?内存");
    private static final Pattern HOST_BEFORE = Pattern.compile("(?:host|system|cpu)\\s+(?:ram|memory)\\s*(?:of|is|:"
            + "|=)?\\s*$|(?<!gpu |video |graphics )\\bram\\s*(?:of|is|:|=)?\\s*$"
            // "我内存32 G": 内存 is the host's memory in Chinese, 显存 the card's
            + "|内存\\s*(?:是|有|只有|才|为|:|：)?\\s*$");
    private static final Pattern NOT_CARD_AFTER = Pattern.compile("^\\s*(?:of\\s+)?(?:[\\w-]+\\s+){0,2}?(?:free|used"
            + "|in use|allocated|reserved|left|available|taken|occupied|usage|buffer|for (?:the )?(?:weights|kv"
                    + "|logits|activations))\\b");
    /**
     * "free Colab has 12.7 GB" in a turn about RAM: what a notebook service or machine has is its host RAM
     * (peremartra/Large-Language-Model-Notebooks-Course#6).
     */
    private static final Pattern PLATFORM_BEFORE = Pattern.compile("\\b(?:colab|kaggle|runtime|machine|server"
            + "|laptop|desktop|pc|box|node|instance|vm|computer)\\s+(?:that\\s+|which\\s+)?(?:has|have|gives"
            + "|offers|provides)\\s+(?:only\\s+|just\\s+|about\\s+)?$");
    /** "my computer that has only 4GB and hasn't a GPU": a machine without a card has only host memory. */
    private static final Pattern NO_GPU = Pattern.compile("\\b(?:hasn'?t|has no|have no|haven'?t|without|no)\\s+"
            + "(?:a\\s+|any\\s+)?(?:gpu|graphics card|cuda)\\b");
    /**
     * "on Windows 64 with 32GB", "Ubuntu 22.04 with 64 GB": the size an operating system is said to run with is the
     * machine's RAM (a card's size comes with the card's name, which STATED_NAME_AFTER reads first).
     */
    private static final Pattern SYSTEM_WITH_BEFORE = Pattern.compile("\\b(?:windows|linux|ubuntu|debian|macos"
            + "|win\\d+)\\b[\\w .-]{0,12}?\\bwith\\s+(?:only\\s+|just\\s+)?$");
    /** "4Gb of GPU and 12 of ram": a bare number said of RAM is its gigabytes. */
    private static final Pattern BARE_RAM = Pattern.compile("(?<![\\w.])(\\d{1,4})\\s+of\\s+(?:system\\s+|host\\s+"
            + "|cpu\\s+)?ram\\b");
    private static final Pattern RAM_TALK = Pattern.compile("(?<!gpu |video |graphics )\\bram\\b");
    private static final Pattern CAPACITY_BEFORE = Pattern.compile("(?:total capac\\w*(?:\\s+of)?"
            + "|total_gpu_memory\\s*=|total memory\\s*(?:of|:|=)?|memory\\.total\\s*[:=]?"
            // vllm.rs's KV-cache allocator: "GPU 0: total 94.97 GB, free 30.17 GB" (guoqingbao/xinfer#195)
            + "|\\bgpu\\s*\\d+\\s*:\\s*total)\\s*$");
    // "total" on the next line is another figure's label: JAX's BufferAssignment stats list "temp allocation: 4.44GiB"
    // above "total allocation: 14.44GiB" above "total fragmentation: 680.30MiB" (patrickbryant1/AFProfile#8)
    private static final Pattern CAPACITY_AFTER = Pattern.compile("^[ \\t]*total\\b(?!\\s*by)(?!\\s*(?:allocat\\w*"
            + "|reserved|used))");
    // 显存 is the card's memory in Chinese ("2070，8G显存"), as 内存 is the host's (HOST_AFTER)
    // "16GB-VRAM", "24gb-gpu": a hyphen joins the size to the word that names it as the card's, as a space does
    private static final Pattern STATED_AFTER = Pattern.compile("^[\\s-]*(?:of\\s+)?(?:显存|vram|gpu memory|gpu ram"
            + "|video "
            + "memory|graphics memory|hbm\\d?e?|gddr\\d\\w*|(?:laptop\\s+|gpu\\s+|graphics\\s+|nvidia\\s+)?(?:card"
                    + "|gpu)s?)\\b"
            // "24G显存", "11G的显卡", "11G不够跑" (11 GB is not enough): Chinese names the card's memory 显存
            // and says what fell short right after the size
            + "|^\\s*(?:的)?\\s*(?:显存|显卡|卡)"
            + "|^\\s*(?:显存)?\\s*(?:也|都|还|根本|完全)?\\s*(?:不够|不足|跑不[了动起])");
    // "rtx 3050 mobile 4gb", "4090 laptop with 16 GB": the laptop part's own size follows its form factor
    private static final Pattern STATED_BEFORE = Pattern.compile(
            // "my V100 is the 32 GB one": the card's variant named by its size
            "(?<![\\w.])(?:" + GPU_TOKEN + "|mine)\\s+(?:is|was)\\s+(?:the|a|an)\\s+$"
            + "|(?<![\\w.])(?:" + GPU_TOKEN + ")"
            + "(?:\\s+(?:laptop|mobile|notebook)(?:\\s+gpu)?)?\\s*(?:\\(|,|with"
            // "a 2080 Ti modded to 22 GB" (memoavatar/memo#33): a card whose memory was changed has its new size
            + "|w/|-|of|has|have|inside|(?:modded|modified|upgraded|expanded|flashed)\\s+to)?\\s*$"
            + "|(?:\\bi have|i've got|(?:card|gpu|device) (?:\\d+ )?has"
            // "actually the cards are 24 GB each": the cards' size corrected (boschresearch/Open3DSG#12)
            + "|\\b(?:the |my |our |both )?(?:cards|gpus) (?:are|each have)"
            + "|(?:card|gpu|vram|gpu memory"
            + "|video memory|graphics memory|gpu ram|video ram) "
                    + "(?:is|=|:)|it'?s an?|it is an?)\\s+(?:an?\\s+|only\\s+)?$|\\bthe whole\\s+$"
            + "|\\b(?:vram|gpu ram|video ram)\\s*$"
            // "I'm getting an oom error with 8 gigs": what a failure happens with is the card
            + "|\\b(?:oom|out of memory)(?: errors?)?\\s+with\\s+(?:only\\s+|just\\s+)?$"
            // "I ran out of 32G memory during the training": what a run ran out of is all the memory it had
            + "|\\b(?:ran|run|runs|running) out of\\s+(?:the\\s+|my\\s+|all\\s+(?:the\\s+|my\\s+)?)?$"
            // "显存只有 8G": the card's memory is only 8 GB
            + "|显存\\s*(?:是|有|只有|才|为|就|:|：)?\\s*$"
            // "mine is the 6GB one", "my A2000 is the 12 GB version": which of a card's sizes the user has
            + "|\\b(?:mine|(?:my|our)\\s+(?:" + GPU_TOKEN + "))\\s+(?:is|'s)\\s+the\\s+$");
    // "a 16 GB laptop 4090": the form factor may stand between the size and the card's name
    private static final Pattern STATED_NAME_AFTER = Pattern.compile("^\\s*(?:laptop\\s+|mobile\\s+|notebook\\s+)?"
            // "a 24GB NVIDIA L4" (instructlab/instructlab#2666): the one-digit L4 and T4 too
            + "(?:nvidia\\s+|geforce\\s+|tesla\\s+)?(?!(?:fp|bf|int|tf)\\d)(?:[a-z]{0,5}\\d{2,4}[a-z]{0,3}|[lt]4"
            + "|rtx|gtx|titan|jetson)\\b|^\\s*(?:on"
                    + "|of)\\s+(?:the|our|my|a|an|this)\\s+" + GPU_TOKEN);
    private static final Pattern COUNT_TIMES_BEFORE = Pattern.compile("(?<![\\w.])\\d{1,3}\\s*[x×*]\\s*$");
    private static final Pattern NEED_BEFORE = Pattern.compile("\\b(?:needs?|needed|requires?|required|consumes?"
            + "|consumed)\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s*|at least\\s+|over\\s+|more than\\s+"
            + "|nearly\\s+|almost\\s+|up to\\s+)?$");
    private static final Pattern NOT_CARD_BEFORE = Pattern.compile("(?:free|used|allocated|reserved|in use|allocate"
            + "|of which|took|take|takes|taking|needs?|uses|using|shows(?: like)?|about|~|only|\\bma|max_ma|\\bca"
                    + "|max_ca|weights|size|usage|=|\\*|\\+)\\s*$");

    /**
     * The lower end of a range ("memory spikes by 10-12GB", aigc-apps/VideoX-Fun#56): the size's role is read before
     * the range, so that the "10-" is not taken for a card named 10.
     */
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?\\s*[-–~]\\s*$");
    /**
     * "I have only 8GB available GPU memory" (hitachinsk/SAMed#35), "doesn't fit my 16 GB" (xhinker/sd_embed#2): the
     * memory the user has or fits into is their card's, though "available" elsewhere marks what is free.
     */
    private static final Pattern OWN_CARD_BEFORE = Pattern.compile("(?:\\bi have\\s+(?:only\\s+|just\\s+)?"
            + "|\\bfits?\\s+(?:in(?:to)?\\s+|on\\s+)?(?:my|our)\\s+)$");
    private static final Pattern AVAILABLE_CARD_AFTER = Pattern.compile("^\\s*(?:of\\s+)?available\\s+(?:gpu memory"
            + "|vram|gpu ram|video memory)\\b");
    /**
     * `free`'s table, in KiB without flags or with a unit under -h ("Mem: 62880028 5909424 ...",
     * pytorch/pytorch#5902): its first column is the machine's RAM.
     */
    private static final Pattern FREE_TABLE = Pattern.compile("(?m)^\\s*mem:\\s+(?:(\\d{6,})|(\\d+(?:[.,]\\d+)?)"
            + "([gt])i?)\\s+\\d");
    /**
     * TensorFlow's "OOM when allocating tensor with shape[256,112,112,64]" (tensorflow/tensorflow#4735): a 4-D
     * activation's first dimension is the batch; a kernel's first two are its small window, hence the spatial floor.
     */
    private static final Pattern TF_SHAPE = Pattern.compile("allocating tensor with shape\\s*\\[(\\d{1,5}),"
            + "\\s*(\\d{1,5}),\\s*(\\d{1,5}),\\s*\\d{1,5}\\]");
    private static final int SPATIAL_FLOOR = 8;

    private Quantities() {}

    /** Every number-with-a-role in lower-case text, as mentions (sizes carry bytes). */
    public static List<Mention> find(String lower) {
        List<Mention> out = new ArrayList<>();
        ints(out, BATCH, lower, "batch", 1, 1 << 16);
        ints(out, BS, lower, "batch", 1, 1 << 16);
        ints(out, BATCH_AND, lower, "batch", 1, 1 << 16);
        ints(out, BATCH_BEFORE, lower, "batch", 1, 1 << 16);
        ints(out, BATCH_MOST, lower, "batch", 1, 1 << 16);
        ints(out, CONFIG_BATCH, lower, "batch", 1, 1 << 16);
        ints(out, PER_DEVICE_ITEMS, lower, "batch", 1, 1 << 16);
        Matcher w = BATCH_WORD.matcher(lower);
        while (w.find()) out.add(new Mention(w.start(), w.end(), "batch", String.valueOf(WORDS.get(w.group(1)))));
        ints(out, TOTAL_BATCH, lower, "total_batch", 1, 1 << 24);
        ints(out, ACCUM, lower, "grad_accum", 1, 1 << 16);
        seq(out, lower);
        if (lower.matches("(?s).*\\b(?:q?lora|peft|adapters?)\\b.*") || lower.contains("lora_")) ints(out, RANK,
                lower, "lora_rank", 1, 4096);
        else ints(out, Pattern.compile("(?<![\\w.])(?:--)?(?:lora[_ -]?r(?:ank)?|lora[_ -]?dim)\\s*(?:=|:|of|is)?\\s*"
                + NUM + "(?!\\d|\\.\\d)"), lower, "lora_rank", 1, 4096);
        ints(out, DEPTH, lower, "depth", 1, 1000);
        if (lower.matches("(?s).*\\b(?:nanochat|speedrun|base_train)\\b.*")) ints(out, NANOCHAT_D, lower, "depth", 4,
                99);
        counts(out, lower);
        sizes(out, lower);
        bareRam(out, lower);
        freeTable(out, lower);
        tfShape(out, lower);
        return out;
    }

    private static void ints(List<Mention> out, Pattern p, String lower, String key, int min, int max) {
        Matcher m = p.matcher(lower);
        while (m.find()) {
            Integer v = toInt(m.group(1));
            if (v != null && v >= min && v <= max) out.add(new Mention(m.start(), m.end(), key, String.valueOf(v)));
        }
    }

    private static void seq(List<Mention> out, String lower) {
        for (Pattern p : List.of(SEQ, K_CONTEXT, LLAMA_CTX)) {
            Matcher m = p.matcher(lower);
            while (m.find()) {
                Integer v = toInt(m.group(1));
                if (v == null) continue;
                if (m.groupCount() > 1 && m.group(2) != null) v *= 1024;
                if (v >= 16 && v <= 10_000_000) out.add(new Mention(m.start(), m.end(), "seq", String.valueOf(v)));
            }
        }
        Matcher t = TOKENS.matcher(lower);
        while (t.find()) {
            Integer v = toInt(t.group(1));
            if (v == null) continue;
            if (t.group(2) != null) v *= 1024;
            String before = lower.substring(Math.max(0, t.start() - 20), t.start());
            if (v >= 256 && v <= 10_000_000 && !NOT_SEQ_TOKENS.matcher(before).find()) out.add(new Mention(t.start(),
                    t.end(), "seq", String.valueOf(v)));
        }
    }

    private static final Pattern ONE_OF_SEVERAL = Pattern.compile("^\\s+(?:shows?"
            + "|gets?|uses?|has|takes?|holds?|is|runs?|fills?|allocates?)\\b.*\\b(?:more|less|higher|than)\\b");
    private static final int ONE_OF_SEVERAL_REACH = 60;

    private static void counts(List<Mention> out, String lower) {
        countedBefore(out, lower);
        countedAfter(out, lower);
        countedByFlagOrSize(out, lower);
    }

    /** "4 GPUs", "two cards": a number before the GPU's word. */
    private static void countedBefore(List<Mention> out, String lower) {
        Matcher m = COUNT.matcher(lower);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2), token = m.group(3);
            // "my 3090" is one card (a new card named after "two GPUs" is not two of it); "my GPU" says no count
            boolean article = n.equals("a") || n.equals("an") || n.equals("my");
            if (article && token.matches("gpus?|cards?|graphics cards?|devices?")) continue;
            if (token.matches("devices?") && !lower.contains("gpu") && !lower.contains("cuda")) continue;
            if (COUNT_NEGATED.matcher(lower.substring(Math.max(0, m.start() - 20), m.start())).find()) continue;
            if (token.matches("\\d{2,4}") && !looksLikeGpuNumber(token)) continue;
            Integer v = WORDS.containsKey(n) ? WORDS.get(n) : toInt(n);
            // "one card shows much more memory than the others" picks a card out of several: not the count.
            if (v != null && v == 1 && ONE_OF_SEVERAL.matcher(lower.substring(m.end(), Math.min(lower.length(),
                    m.end() + ONE_OF_SEVERAL_REACH))).find()) continue;
            if (v != null && v >= 1 && v <= 1024) out.add(new Mention(m.start(), m.end(), "gpus", String.valueOf(v)));
        }
    }

    /** "rtx 3090 x 2", "2 nodes with 8 GPUs", "four of them": a count after the card, or nodes times GPUs each. */
    private static void countedAfter(List<Mention> out, String lower) {
        Matcher after = COUNT_AFTER.matcher(lower);
        while (after.find()) {
            // "1024 x 1024" is an image size: a bare number counts only when it is a GPU's model number.
            if (after.group(1).matches("\\d{2,4}") && !looksLikeGpuNumber(after.group(1))) continue;
            Integer v = toInt(after.group(2));
            if (v != null && v >= 1 && v <= 1024) out.add(new Mention(after.start(), after.end(), "gpus",
                    String.valueOf(v)));
        }
        Matcher nodes = NODES.matcher(lower);
        while (nodes.find()) {
            Integer n = WORDS.containsKey(nodes.group(1)) ? WORDS.get(nodes.group(1)) : toInt(nodes.group(1));
            Integer each = toInt(nodes.group(2));
            if (n != null && each != null && n * each >= 2 && n * each <= 4096) out.add(new Mention(nodes.start(),
                    nodes.end(), "gpus", String.valueOf(n * each)));
        }
        Matcher o = OF_THEM.matcher(lower);
        while (o.find()) {
            Integer v = WORDS.containsKey(o.group(1)) ? WORDS.get(o.group(1)) : toInt(o.group(1));
            if (v != null && v >= 1 && v <= 1024) out.add(new Mention(o.start(), o.end(), "gpus", String.valueOf(v)));
        }
    }

    /** A launcher's count flag or device list, and "8x 80GB" (a count and each card's size). */
    private static void countedByFlagOrSize(List<Mention> out, String lower) {
        Matcher f = COUNT_FLAG.matcher(lower);
        while (f.find()) {
            Integer v = f.group(1) != null ? toInt(f.group(1)) : f.group(2) != null ? toInt(f.group(2))
                    : f.group(4) != null ? toInt(f.group(4))
                    : (int) f.group(3).chars().filter(c -> c == ',').count() + 1;
            if (v != null && v >= 1 && v <= 4096) out.add(new Mention(f.start(), f.end(), "gpus", String.valueOf(v)));
        }
        Matcher e = ENGINE_DEVICES.matcher(lower);
        while (e.find()) {
            int v = e.group(1) != null ? Integer.parseInt(e.group(1)) : e.group(2) != null
                    ? e.group(2).strip().split("\\s+").length / 2 : e.group(3).split(",").length;
            if (v >= 1) out.add(new Mention(e.start(), e.end(), "gpus", String.valueOf(v)));
        }
        Matcher ids = GPU_IDS.matcher(lower);
        while (ids.find()) out.add(new Mention(ids.start(), ids.end(), "gpus",
                String.valueOf(ids.group(1).split(",").length)));
        Matcher ts = COUNT_TIMES_SIZE.matcher(lower);
        while (ts.find()) {
            Integer v = toInt(ts.group(1));
            long bytes = Bytes.parse(ts.group(2), ts.group(3).equals("g") ? "GiB" : ts.group(3));
            if (v == null || v < 2 || bytes < 4 * Bytes.GIB || bytes > 300 * Bytes.GIB) continue;
            out.add(new Mention(ts.start(), ts.start(1) + ts.group(1).length(), "gpus", String.valueOf(v)));
            out.add(new Mention(ts.start(2), ts.end(), "size.stated", String.valueOf(bytes)));
        }
    }

    /** A bare model number like 3090 or 4090 is a GPU; 2048 or 1024 is not. */
    private static boolean looksLikeGpuNumber(String digits) {
        return digits.matches("(?:10[5-8]0|16[56]0|20[6-8]0|30[5-9]0|40[6-9]0|50[6-9]0)");
    }

    /**
     * A range climbs to its upper end: "10-12GB" is one, "QUADRA 600 - 1gb" (weiliu89/caffe#271) is a card's model
     * number and its size, whose role the words right before the size say.
     */
    private static boolean rangeUpTo(String lowerEnd, String upper) {
        try {
            return Double.parseDouble(lowerEnd.replaceAll("[^\\d.]", "")) <= Double.parseDouble(upper.replace(",", ""));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void sizes(List<Mention> out, String lower) {
        Matcher m = SIZE.matcher(lower);
        while (m.find()) {
            long bytes;
            try {
                String unit = spoken(m.group(2) != null ? m.group(2) : m.group(3));
                bytes = Bytes.parse(m.group(1), unit.equals("g") ? "GiB" : unit.equals("t") ? "TiB" : unit);
            } catch (RuntimeException e) { continue; }
            int from = m.start();
            Matcher range = RANGE_BEFORE.matcher(lower.substring(Math.max(0, from - 12), from));
            if (range.find() && rangeUpTo(range.group(), m.group(1))) from -= range.group().length();
            String before = lower.substring(Math.max(0, from - 45), from);
            String after = lower.substring(m.end(), Math.min(lower.length(), m.end() + 45));
            boolean platform = PLATFORM_BEFORE.matcher(before).find()
                    && (RAM_TALK.matcher(lower).find() || NO_GPU.matcher(lower).find());
            boolean system = SYSTEM_WITH_BEFORE.matcher(before).find() && !STATED_NAME_AFTER.matcher(after).find()
                    && !STATED_AFTER.matcher(after).find();
            String role = platform || system ? "host_ram" : role(before, after);
            if (role == null) continue;
            if (role.equals("host_ram")) {
                if (bytes >= Bytes.GIB) out.add(new Mention(m.start(), m.end(), "host_ram", String.valueOf(bytes)));
                continue;
            }
            if (bytes < Bytes.GIB / 2 || bytes > 2048 * Bytes.GIB) continue;
            boolean total = role.equals("size.stated") && after.matches("(?s)^\\s*(?:of\\s+)?(?:vram|gpu "
                    + "memory)?\\s*total\\b.*");
            out.add(new Mention(m.start(), m.end(), total ? "size.total" : role, String.valueOf(bytes)));
        }
    }

    private static void freeTable(List<Mention> out, String lower) {
        Matcher m = FREE_TABLE.matcher(lower);
        if (!m.find()) return;
        long bytes = m.group(1) != null ? Long.parseLong(m.group(1)) * 1024
                : Bytes.parse(m.group(2).replace(',', '.'), m.group(3).equals("t") ? "TiB" : "GiB");
        if (bytes >= Bytes.GIB) out.add(new Mention(m.start(), m.end(), "host_ram", String.valueOf(bytes)));
    }

    private static void tfShape(List<Mention> out, String lower) {
        Matcher m = TF_SHAPE.matcher(lower);
        while (m.find()) {
            Integer n = toInt(m.group(1)), h = toInt(m.group(2)), w = toInt(m.group(3));
            if (n != null && h != null && w != null && n >= 1 && h >= SPATIAL_FLOOR && w >= SPATIAL_FLOOR) {
                out.add(new Mention(m.start(1), m.end(1), "batch", String.valueOf(n)));
            }
        }
    }

    private static void bareRam(List<Mention> out, String lower) {
        Matcher m = BARE_RAM.matcher(lower);
        while (m.find()) {
            Integer v = toInt(m.group(1));
            if (v != null && v >= 1 && v <= 4096) out.add(new Mention(m.start(), m.end(), "host_ram",
                    String.valueOf(v * Bytes.GIB)));
        }
    }

    /** A spoken unit as its symbol: "gigs" and "gigabytes" are GB, "megabytes" MB, "terabytes" TB. */
    private static String spoken(String unit) {
        if (unit.equals("go") || unit.equals("gbs")) return "gb";
        if (unit.equals("mo")) return "mb";
        return unit.startsWith("gig") ? "gb" : unit.startsWith("mega") ? "mb" : unit.startsWith("tera") ? "tb" : unit;
    }

    /** What a size measures, from the words around it: host_ram, size.capacity, size.stated, or null (not the card). */
    static String role(String before, String after) {
        if (OWN_CARD_BEFORE.matcher(before).find() && (AVAILABLE_CARD_AFTER.matcher(after).find()
                || !NOT_CARD_AFTER.matcher(after).find() && !HOST_AFTER.matcher(after).find())) return "size.stated";
        // "4*80G A100", "8x 80GB H100": a size between a count and a card's name is each card's memory.
        if (COUNT_TIMES_BEFORE.matcher(before).find() && STATED_NAME_AFTER.matcher(after).find()) return "size.stated";
        // "each GPU … is equipped with 16GB of RAM", "a GPU with 24 gb of ram": the card's memory, said loosely.
        if (GPU_OWNS_BEFORE.matcher(before).find()) return "size.stated";
        // "taking 11GB/16GB": used over total, the second is the card.
        if (USED_OVER_BEFORE.matcher(before).find()) return "size.capacity";
        if (HOST_AFTER.matcher(after).find() || HOST_BEFORE.matcher(before).find()) return "host_ram";
        if (CAPACITY_BEFORE.matcher(before).find()) return "size.capacity";
        if (NOT_CARD_AFTER.matcher(after).find()) return null;
        // "inference needs about 48 GB of GPU memory. will it run on my 24 GB 4090?": what a job needs, even of GPU
        // memory, is not the card (Gen3R's README figure against the user's card)
        if (NEED_BEFORE.matcher(before).find()) return null;
        if (CAPACITY_AFTER.matcher(after).find() && !STATED_AFTER.matcher(after).find()) return "size.capacity";
        if (STATED_AFTER.matcher(after).find()) return "size.stated";
        if (NOT_CARD_BEFORE.matcher(before).find()) return null;
        if (STATED_BEFORE.matcher(before).find() || STATED_NAME_AFTER.matcher(after).find()) return "size.stated";
        return null;
    }

    static Integer toInt(String s) {
        try { return Integer.parseInt(s.replace(",", "")); } catch (NumberFormatException e) { return null; }
    }
}
