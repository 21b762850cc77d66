"""Self-check quizzes: the questions in a skill's data file, scored in the browser.

A question is either open (a worked answer, revealed on demand) or multiple
choice (3 to 5 options, exactly one correct, and an explanation for every
option, including why each wrong one is wrong). Question text, options and
explanations are Markdown, rendered and checked like every data Markdown
field (roadmap.markup).
"""
from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from ..errors import DataError
from .base import Id, MarkdownText, Schema, invalid, seq, text

QuestionText = text(600, one_line=False)
OptionText = text(300, one_line=False)


class Option(Schema):
    missing_fix: ClassVar[str] = "give every option a 'text' and an 'explanation' (why it is right or wrong)"

    text: OptionText
    correct: bool = False
    explanation: text(1200, one_line=False)


class Question(Schema):
    missing_fix: ClassVar[str] = "give every question a 'key' and a 'question', and either 'options' or an 'answer'"

    key: Id
    question: QuestionText
    answer: MarkdownText | None = None          # an open question's worked answer
    options: seq(Option, max_length=5) | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Question:
        if (self.answer is None) == (self.options is None):
            raise invalid(f"question '{self.key}' needs either 'options' (multiple choice) or an 'answer' (open), "
                          "not both or neither",
                          "give a multiple-choice question 3 to 5 options, or an open one a worked 'answer'")
        if self.options is not None:
            if not 3 <= len(self.options) <= 5:
                raise invalid(f"question '{self.key}' has {len(self.options)} options",
                              "give a multiple-choice question 3 to 5 options")
            right = sum(o.correct for o in self.options)
            if right != 1:
                raise invalid(f"question '{self.key}' has {right} correct options",
                              "mark exactly one option 'correct: true'")
            texts = [" ".join(o.text.lower().split()) for o in self.options]
            if len(set(texts)) != len(texts):
                raise invalid(f"question '{self.key}' lists the same option twice", "make every option different")
        return self

    @property
    def kind(self) -> str:
        return "choice" if self.options is not None else "open"


class RenderedOption(Option):
    text_html: str
    explanation_html: str


class RenderedQuestion(Question):
    """A validated question with its Markdown rendered and checked (roadmap.markup)."""

    question_html: str
    answer_html: str
    rendered_options: tuple[RenderedOption, ...]


def render_question(question: Question, file: str, entry: str) -> RenderedQuestion:
    from ..markup import inline_html as _inline
    from ..markup import render_data_markdown

    where = f"quiz question '{question.key}'"

    def inline_html(rendered: str) -> str:
        found = _inline(rendered)
        if "<p>" in found or "<ul>" in found or "<ol>" in found:
            raise DataError(file, entry, f"{where}: a question or an option is more than one paragraph",
                            "keep the question and each option to one paragraph; put the detail in the explanation")
        return found

    options = tuple(
        RenderedOption.model_construct(
            **dict(option),
            text_html=inline_html(render_data_markdown(option.text, file, entry, f"{where}, option {n}")),
            explanation_html=render_data_markdown(option.explanation, file, entry,
                                                  f"{where}, option {n}'s explanation"))
        for n, option in enumerate(question.options or (), start=1))
    return RenderedQuestion.model_construct(
        **dict(question),
        question_html=inline_html(render_data_markdown(question.question, file, entry, where)),
        answer_html=render_data_markdown(question.answer, file, entry, f"{where}'s answer") if question.answer else "",
        rendered_options=options)
