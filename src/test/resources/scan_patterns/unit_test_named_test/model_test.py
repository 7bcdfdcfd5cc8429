# Models: huggingface/transformers tests/models/*/test_modeling_*.py (a pytest module); the counterpart of
# eval_script_named_test__bug (written for oomdoc): a unit test by its framework and asserts; it runs the model with
# autograd on, on purpose, and is not the user's training code, so it is skipped as a test.
import pytest
import torch


@pytest.fixture
def net():
    return torch.nn.Linear(4, 2)


def test_eval_outputs(net):
    net.eval()
    for batch in [torch.randn(3, 4) for _ in range(2)]:
        out = net(batch)
        assert out.shape == (3, 2)
