# Models: zhanghang1989/ResNeSt scripts/gluon/train.py@1dfb3e8 lines 36-46 and 314-322 (scan_wild32's false
# eval_without_no_grad): an MXNet Gluon script takes one image transform from torchvision and never imports torch;
# its evaluate() runs a Gluon network over the validation data, where torch.no_grad() means nothing.
# Written for oomdoc; the imports and control flow are the file's, the code is ours.
import argparse

import mxnet as mx
from mxnet import autograd, gluon
from torchvision.transforms import transforms as pth_transforms

from mynets import get_model

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=1)
args = parser.parse_args()

ctx = [mx.gpu(0)]
net = get_model('resnest50')
resize = pth_transforms.Resize(256)
train_data = gluon.data.DataLoader(gluon.data.vision.CIFAR10(train=True), batch_size=64)
val_data = gluon.data.DataLoader(gluon.data.vision.CIFAR10(train=False), batch_size=64)
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.1})


def evaluate(epoch):
    acc = mx.metric.Accuracy()
    for _, (data, label) in enumerate(val_data):
        output = net(data.as_in_context(ctx[0]))
        acc.update([label], [output])
    print(epoch, acc.get())


for epoch in range(args.epochs):
    for data, label in train_data:
        with autograd.record():
            loss = loss_fn(net(data.as_in_context(ctx[0])), label.as_in_context(ctx[0]))
        loss.backward()
        trainer.step(data.shape[0])
    evaluate(epoch)
