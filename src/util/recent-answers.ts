/**
 * `read`, remembering its last `size` answers by the text asked about: the offline readers ask about one
 * paragraph several times in a row (its inning, its calls, its speed, its names), and each reading is
 * the same every time. Made once per reader, at module level.
 *
 * @example
 * const isRecapOnce = recentAnswers((lower: string) => slowIsRecap(lower));
 */
export function recentAnswers<R>(read: (text: string) => R, size = 1): (text: string) => R {
  // The last answer is compared first (most asks), the others looked up.
  let lastText: string | undefined;
  let lastAnswer: R;
  const answers = new Map<string, R>();
  return (text) => {
    if (text === lastText) return lastAnswer;
    let answer: R;
    if (size > 1 && answers.has(text)) answer = answers.get(text)!;
    else {
      answer = read(text);
      if (size > 1) {
        if (answers.size >= size) answers.delete(answers.keys().next().value!);
        answers.set(text, answer);
      }
    }
    [lastText, lastAnswer] = [text, answer];
    return answer;
  };
}
