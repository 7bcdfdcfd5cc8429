# Models: THUDM/ChatGLM-6B ptuning/main.py@401bf3a (line 349; judged debatable in scan35's choose half): the training
# arguments come from the command line through HfArgumentParser, so the accumulation setting is a flag of the run
# and the file holds nothing to change. Written for oomdoc; the code is ours.
import sys

import numpy as np
from transformers import AutoModel, AutoTokenizer, HfArgumentParser, Seq2SeqTrainer, Seq2SeqTrainingArguments


def main():
    parser = HfArgumentParser((Seq2SeqTrainingArguments,))
    (training_args,) = parser.parse_json_file(sys.argv[1]) if sys.argv[1].endswith(".json") \
        else parser.parse_args_into_dataclasses()
    tokenizer = AutoTokenizer.from_pretrained("some/model")
    model = AutoModel.from_pretrained("some/model")

    def score(eval_preds):
        preds, labels = eval_preds
        return {"exact": float(np.mean([p == l for p, l in zip(preds, labels)]))}

    trainer = Seq2SeqTrainer(
        model=model,
        args=training_args,
        train_dataset=load_split("train"),
        eval_dataset=load_split("dev"),
        tokenizer=tokenizer,
        compute_metrics=score if training_args.predict_with_generate else None,
    )
    trainer.train()


if __name__ == "__main__":
    main()
