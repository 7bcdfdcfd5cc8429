# Models: jiangxinke/Harness-RL issue #5 (code quoted from Agentic-RAG-R1 src/utils/utils.py, scan_dev case01): a
# helper turns the KV cache on (the line that turned it off is commented out) and then enables gradient
# checkpointing, which recomputes with the cache kept. Written for oomdoc; the control flow is the thread's, the
# code is ours.


def prepare_for_training(model):
    model.train()
    # model.config.use_cache = False  (this line stays commented out in the modelled helper)
    model.config.use_cache = True
    model.gradient_checkpointing_enable()
    make_inputs_need_grad = getattr(model, "enable_input_require_grads", None)
    if make_inputs_need_grad is not None:
        make_inputs_need_grad()
    return model
