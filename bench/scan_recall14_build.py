#!/usr/bin/env python3
"""Builds src/test/resources/scan_recall14 from `fetch` mirrors (issue 17, round 14).

Each case: the whole file at the commit named by the thread (before the fix, or the reported commit when never
fixed) and, where a fix was committed, the same file at the fix commit. The labelled line is found by a literal
`match` inside the named function (or module-level statement); the span is that function's lines (ast).
Split by repository: sorted case-insensitively, alternated, first to tune.
Run: python3 bench/scan_recall14_build.py  (needs /work/.mirror/OWNER+NAME from the fetch tool)
"""
import ast, json, os, subprocess, sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'scan_recall14')
# repo, bug commit, fix commit or None, path, function ('<module>' for module-level code), match, rule, thread, why
CASES = [
 ('ajhamdi/MVTN', 'bd90fbf16ce42c7dc7ae64e1da6a4ea76118d5a2', '4c5da6b0944d3ec85efeca8845ed4403d7719ead',
  'run_mvtn.py', 'train', 'total_loss += loss', 'tensor_accumulated', 'https://github.com/ajhamdi/MVTN/issues/2',
  'reporter ran out of host memory in epoch 2; maintainer changed total_loss += loss to loss.item()'),
 ('ajhamdi/MVTN', 'bd90fbf16ce42c7dc7ae64e1da6a4ea76118d5a2', '4c5da6b0944d3ec85efeca8845ed4403d7719ead',
  'run_mvtn.py', 'train_rotationNet', 'total_loss += loss', 'tensor_accumulated',
  'https://github.com/ajhamdi/MVTN/issues/2', 'same fix commit, second training function'),
 ('by2101/OpenASR', 'c5213d68304a270a0448b2d53adc72b57f4efdb3', None, 'src/trainer.py', 'iter_one_epoch',
  'tot_loss = tot_loss + batch_loss', 'tensor_accumulated', 'https://github.com/by2101/OpenASR/issues/12',
  'reporter found host memory growing until a crash; maintainer agreed the summed loss should be a number; not fixed'),
 ('jostmey/NakedAttention', 'a571886cecc7efaaf890f371b003f33a7620e6c4', '2aa6b4ca9dedc87ad2dc0fa5bee0fdc32b9b6fc1',
  'model_and_script.py', '<module>', 'e_train += e_batch', 'tensor_accumulated',
  'https://github.com/jostmey/NakedAttention/issues/1', 'out of RAM on Kaggle; fixed with .detach()'),
 ('boschresearch/Continuous-Recurrent-Units', '79723e7772102cae8a78109e18d81beff9c7cac2', None, 'lib/CRU.py',
  'train_epoch', 'epoch_ll += loss', 'tensor_accumulated',
  'https://github.com/boschresearch/Continuous-Recurrent-Units/pull/4',
  'PR says the loss graphs are held and the system hangs; PR closed unmerged'),
 ('tier4/Diffusion-Planner', '8314659a6d9e4ac6d8220aae161120dbee1817b9', None,
  'diffusion_planner/diffusion_planner/train_epoch.py', 'train_epoch', 'epoch_loss.append(loss)',
  'tensor_accumulated', 'https://github.com/tier4/Diffusion-Planner/pull/372',
  'a dict of loss tensors appended per batch keeps every graph to the end of the epoch; PR closed unmerged'),
 ('hszhao/semseg', '4f274c3f276778228bc14a4565822d46359f0cc8', None, 'tool/train.py', 'validate',
  'output = model(input)', 'eval_without_no_grad', 'https://github.com/hszhao/semseg/issues/60',
  'out of memory after validation; reporter adds no_grad around the forward; open'),
 ('chrischoy/FCGF', 'dbc4f4c9b3df43c0fcdebaf9e5e3c3ac4541fbf3', '0caed6ca8105bd3bbb846afe5b56527793d41eaf',
  'lib/trainer.py', '_valid_epoch', 'F0 = self.model(sinput0).F', 'eval_without_no_grad',
  'https://github.com/chrischoy/FCGF/issues/15', 'validation with autograd on; fixed by calling it under no_grad'),
 ('zhanhz/PC-NBV_pytorch', '8d93b658819177302b1a538ea58fc7e1fc80d401', None, 'Manager.py', '<module>',
  '_, eval_value = network(', 'eval_without_no_grad', 'https://github.com/zhanhz/PC-NBV_pytorch/issues/3',
  'inference loop after network.eval() without no_grad; reporter saw memory rise to OOM; open'),
 ('facebookarchive/loop', '112975599b1838a33f139a6c6df0fcd9953ee33f', None, 'train.py', 'evaluate',
  'output, _ = model([input, spkr], target[0])', 'eval_without_no_grad',
  'https://github.com/facebookarchive/loop/issues/57',
  'OOM in the validation step: volatile=True has no effect since PyTorch 0.4; closed without a fix'),
 ('JianghaiSCU/R2RNet', '20408f6bf279ed3bb1097b8a0a8f29017fff865b', '069f79e1c8a592bce76105a99bd53548c7a21fa0',
  'model.py', 'evaluate', 'self.forward(input_low_eval, input_low_eval)', 'eval_without_no_grad',
  'https://github.com/JianghaiSCU/R2RNet/pull/1', 'merged PR wraps evaluation in no_grad to save CUDA memory'),
 ('arnoweng/CheXNet', '3d45ee77e2cfe6ec81bf1b87e2ed4e3fc10af6c1', None, 'model.py', 'main',
  'output = model(input_var)', 'eval_without_no_grad', 'https://github.com/arnoweng/CheXNet/pull/38',
  'CUDA out of memory in the test loop (volatile=True ignored); PR adds no_grad; unmerged'),
 ('snakers4/silero-vad', '55ba6e282509b0576cdc69d0898212db121447b1', '64fb49e1c8ec9de58f6d1b17b61e51388ed47d28',
  'tuning/utils.py', 'train', 'loss.backward()', 'missing_zero_grad',
  'https://github.com/snakers4/silero-vad/pull/699', 'merged: optimizer.zero_grad() added before backward'),
 ('caikit/caikit-nlp', 'bb025058befee815c7f5c10f0392ad7c3346576e', 'c2610428a6a072bc7b5b5fe2996d8d19a95b6372',
  'caikit_nlp/modules/text_generation/peft_prompt_tuning.py', '_execute_train_loop',
  'step_loss_log[step_count] = loss', 'tensor_accumulated', 'https://github.com/caikit/caikit-nlp/pull/258',
  'merged: the per-step loss kept in a dict is a float after the fix'),
 ('jpata/particleflow', 'd335cd3f345be0fa4b1872edd7e9d5d85ab81812', 'f5adbf5e737ef03319ae31aed45f2e073164063b',
  'mlpf/pyg/training.py', 'train_and_valid', 'ypred = model(batch.X, batchidx_or_mask)', 'eval_without_no_grad',
  'https://github.com/jpata/particleflow/pull/290', 'merged: no_grad around the validation forward to avoid OOM'),
 ('jokester-zzz/SSA-SC', 'ed5298dabf0ab9b1675031b04e62080664e673ad', None, 'networks/common/metrics.py',
  'update_train_losses', 'self.train_losses[key] += loss[key]', 'tensor_accumulated',
  'https://github.com/jokester-zzz/SSA-SC/issues/2', 'GPU memory rises; maintainer agreed .item() is right; not fixed'),
 ('zoogzog/chexnet', 'bbe30b5e0d2941491a2c5a095cb572dca1d27158', None, 'ChexnetTrainer.py', 'epochVal',
  'losstensorMean += losstensor', 'tensor_accumulated', 'https://github.com/zoogzog/chexnet/issues/12',
  'OOM at the end of epoch 1; a commenter points at the summed loss tensor; open'),
 ('ULTR-Community/ULTRA_pytorch', 'ec4fe329e4239b588a940cb4bcdd6a321aade679', None, 'main.py', 'train',
  'loss += step_loss / args.steps_per_checkpoint', 'tensor_accumulated',
  'https://github.com/ULTR-Community/ULTRA_pytorch/issues/6',
  'host memory used up; fixed in 9934f91 by returning loss.item() from the algorithms (main.py unchanged)'),
 ('taozh2017/HiNet', '8bee4856951fb657dfb7bf0d702b8235890f3527', None, 'HiNet_SynthModel.py', 'test',
  'pred_out,pred_out1,pred_out2 = self.generator(x_fusion)', 'eval_without_no_grad',
  'https://github.com/taozh2017/HiNet/issues/11', 'test loop with neither eval() nor no_grad; open'),
 ('Zhenye-Na/DA-RNN', '4294abc8be739a4272f39f673a809b595c7220a6', None, 'src/model.py', 'test',
  '_, input_encoded = self.Encoder(', 'eval_without_no_grad', 'https://github.com/Zhenye-Na/DA-RNN/issues/30',
  'prediction loop with neither eval() nor no_grad; labelled wontfix'),
 ('IDEA-Research/DAB-DETR', '79899450694fa7590a7ff2dfe242fd689abe2366', None, 'engine.py', 'train_one_epoch',
  'losses.backward()', 'missing_zero_grad', 'https://github.com/IDEA-Research/DAB-DETR/issues/58',
  'the non-AMP branch never clears gradients; maintainer: a bug with little effect; open'),
 ('wz0919/waypoint-predictor', 'ac357545c1a768e11c41c1686f35deb82462ecbb', None, 'waypoint_predictor.py',
  'predict_waypoints', 'total_loss.backward()', 'missing_zero_grad', 'https://github.com/wz0919/waypoint-predictor/issues/4',
  'training loop without optimizer.zero_grad(); open'),
]


def git_show(repo, commit, path):
    base = '/work/.mirror/' + repo.replace('/', '+') + '/repo'
    gd = base + '/.git' if os.path.isdir(base + '/.git') else base
    return subprocess.run(['git', '--git-dir', gd, 'show', f'{commit}:{path}'], check=True,
                          capture_output=True).stdout


def indent_span(lines, function, match):
    # For files Python 3 no longer parses (`async=True`): the def line to the last line indented under it.
    for i, text in enumerate(lines):
        stripped = text.lstrip()
        if stripped.startswith(f'def {function}') and stripped[4 + len(function)] in '( ':
            ind, end, hit = len(text) - len(stripped), i + 1, None
            for j in range(i + 1, len(lines)):
                t = lines[j]
                if t.strip() and len(t) - len(t.lstrip()) <= ind:
                    break
                if t.strip():
                    end = j + 1
                if hit is None and match in t:
                    hit = j + 1
            if hit:
                return hit, (i + 1, end)
    raise SystemExit(f'no {match!r} in {function}')


def span_of(src, function, match):
    lines = src.splitlines()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return indent_span(lines, function, match)
    if function == '<module>':
        for node in tree.body:
            for i in range(node.lineno, node.end_lineno + 1):
                if match in lines[i - 1]:
                    return i, (node.lineno, node.end_lineno)
        raise SystemExit(f'no {match!r} at module level')
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function:
            for i in range(node.lineno, node.end_lineno + 1):
                if match in lines[i - 1]:
                    return i, (node.lineno, node.end_lineno)
    raise SystemExit(f'no {match!r} in {function}')


def main():
    repos = sorted({c[0] for c in CASES}, key=str.lower)
    half = {r: ('tune' if i % 2 == 0 else 'check') for i, r in enumerate(repos)}
    labels = {'tune': [], 'check': []}
    for repo, bug, fix, path, fn, match, rule, thread, why in CASES:
        h = half[repo]
        stem = os.path.splitext(os.path.basename(path))[0]
        for commit, kind in ((bug, 'bug'), (fix, 'fixed')):
            if commit is None:
                continue
            data = git_show(repo, commit, path)
            src = data.decode('utf-8', 'replace')
            line, span = span_of(src, fn, match) if kind == 'bug' else (0, None)
            if kind == 'fixed':
                try:
                    tree = ast.parse(src)
                except SyntaxError:
                    tree = ast.parse('')
                node = next((n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                             and n.name == fn), None)
                span = (node.lineno, node.end_lineno) if node else (1, len(src.splitlines()))
                if fn == '<module>':  # the top-level statement holding the same name
                    span = span_of(src, fn, match.split(' ')[0])[1]
            case = f"{repo.replace('/', '+')}__{stem}_{fn.strip('<>')}__{kind}"
            d = os.path.join(OUT, h, case)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, os.path.basename(path)), 'wb') as f:
                f.write(data)
            labels[h].append({'case': case, 'repo': repo, 'commit': commit, 'path': path,
                              'file': os.path.basename(path), 'rule': rule, 'line': line, 'function': fn,
                              'span': list(span), 'thread': thread, 'positive': kind == 'bug',
                              'verdict': why if kind == 'bug' else 'the fix: ' + why})
    for h, rows in labels.items():
        with open(os.path.join(OUT, h, 'labels.json'), 'w') as f:
            json.dump(rows, f, indent=1)
            f.write('\n')
        print(h, sum(r['positive'] for r in rows), 'positives', sum(not r['positive'] for r in rows),
              'negatives', len({r['repo'] for r in rows}), 'repositories')


if __name__ == '__main__':
    main()
