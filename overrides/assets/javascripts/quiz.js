/* Self-check quizzes on the skill pages (roadmap/templates/quiz.html.j2).
 *
 * Without JavaScript every question shows its options and a details block
 * with the answer and why each option is right or wrong. With it, the
 * multiple-choice questions become answerable: choose an option, press
 * "Check my answer", and the result is announced (words and a symbol, not
 * only a colour) with the chosen option's explanation. Answers are kept with
 * the reader's progress (roadmap.progress) and the quiz shows a score.
 */
(function () {
  "use strict";

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll(".quiz[data-quiz]"), setUpQuiz);
  }

  function setUpQuiz(quiz) {
    if (quiz.dataset.ready) return;
    quiz.dataset.ready = "1";
    var skill = quiz.dataset.quiz;
    var progress = window.roadmap.progress;
    var score = quiz.querySelector(".quiz__score");
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz__question--choice"));

    function correctOf(question) {
      var right = question.querySelector(".quiz__explanations li[data-correct]");
      return right ? Number(right.dataset.option) : -1;
    }

    function explanationOf(question, choice) {
      var item = question.querySelector('.quiz__explanations li[data-option="' + choice + '"] .quiz__why');
      return item ? item.textContent.trim() : "";
    }

    function letter(index) {
      return String.fromCharCode(65 + index);
    }

    function show(question, choice) {
      var result = question.querySelector(".quiz__result");
      var correct = correctOf(question);
      var right = choice === correct;
      question.classList.toggle("is-right", right);
      question.classList.toggle("is-wrong", !right);
      result.textContent = (right ? "\u2713 Right: " : "\u2717 Not right: ") + "you chose " + letter(choice) +
        ". " + explanationOf(question, choice) + (right ? "" : " The right answer is " + letter(correct) + ".");
    }

    function refreshScore(note) {
      var answers = progress.answers(skill);
      var answered = 0;
      var right = 0;
      questions.forEach(function (question) {
        var choice = answers[question.dataset.key];
        if (typeof choice === "number") {
          answered += 1;
          if (choice === correctOf(question)) right += 1;
        }
      });
      score.textContent = "Score: " + right + " of " + questions.length + " multiple-choice questions right" +
        (answered < questions.length ? " (" + (questions.length - answered) + " not answered yet)." : ".") +
        (note ? " " + note : "");
      score.hidden = false;
    }

    questions.forEach(function (question) {
      var key = question.dataset.key;
      var radios = Array.prototype.slice.call(question.querySelectorAll('input[type="radio"]'));
      var button = question.querySelector(".quiz__check");
      radios.forEach(function (radio) { radio.disabled = false; });
      question.querySelector(".quiz__actions").hidden = false;
      var saved = progress.answers(skill)[key];
      if (typeof saved === "number" && radios[saved]) {
        radios[saved].checked = true;
        show(question, saved);
      }
      button.addEventListener("click", function () {
        var chosen = radios.findIndex(function (radio) { return radio.checked; });
        if (chosen === -1) {
          question.querySelector(".quiz__result").textContent = "Choose an option first.";
          return;
        }
        show(question, chosen);
        refreshScore(progress.setAnswer(skill, key, chosen) ? "" : progress.saveFailedMessage);
      });
    });
    if (questions.length) refreshScore();
  }

  window.roadmap.onPage(setUp);
})();
