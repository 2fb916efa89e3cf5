// The question a second pick asks: the files already validated are replaced by the new ones, or the new ones
// are added to them (a second pick used to add silently), or nothing is done. A modal <dialog>: the browser
// keeps focus inside it, Escape cancels, and focus returns to where it was when it closes.
import { bi, h } from './dom.ts';

export type PickChoice = 'replace' | 'add' | 'cancel';

let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
  const choice = (value: PickChoice, ja: string, en: string, cls = '') =>
    h('button', { type: 'submit', value, class: cls || undefined, 'data-choice': value }, bi(ja, en));
  const d = h(
    'dialog',
    { id: 'pick-dialog', 'aria-labelledby': 'pick-dialog-title', 'aria-describedby': 'pick-dialog-text' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'pick-dialog-title' }, bi('ファイルの置き換え・追加', 'Replace or add files')),
      h('p', { id: 'pick-dialog-text' }),
      h(
        'div',
        { class: 'actions' },
        choice('replace', '置き換える', 'Replace'),
        choice('add', '追加する', 'Add'),
        choice('cancel', 'やめる', 'Cancel', 'secondary'),
      ),
    ),
  );
  document.body.append(d);
  return d;
}

const files = (n: number): string => (n === 1 ? '1 file is' : `${n} files are`);

/**
 * The last question's answer. A dialog's close event, which carries the answer, comes a task after the dialog has
 * closed: a question asked in between (files dropped right after an answer) would otherwise take that event as
 * its own answer, while it is still open, and lose the choice then made in it.
 */
let lastAnswer: Promise<PickChoice> = Promise.resolve('cancel');

/** Ask what to do with `picked` new files when `held` files are already validated. */
export async function askReplaceOrAdd(held: number, picked: number): Promise<PickChoice> {
  const d = (dialog ??= build());
  // A drop while the question is open (the page behind is inert, but a drop still reaches the window) is not
  // asked about again: those files are not taken.
  if (d.open) return 'cancel';
  await lastAnswer;
  if (d.open) return 'cancel';
  d.querySelector('#pick-dialog-text')!.replaceChildren(
    bi(
      `すでに ${held} 件のファイルがあります。新しいファイル（${picked} 件）で置き換えますか、追加しますか？`,
      `${files(held)} already here. Replace ${held === 1 ? 'it' : 'them'} with the new ${picked === 1 ? 'file' : 'files'}, or add the new ${picked === 1 ? 'file' : 'files'}?`,
    ),
  );
  d.returnValue = '';
  const answer = new Promise<PickChoice>((resolve) => {
    // Escape closes the dialog with no return value: that is a cancel.
    d.addEventListener('close', () => resolve((d.returnValue || 'cancel') as PickChoice), { once: true });
    d.showModal();
    d.querySelector<HTMLButtonElement>('button[data-choice="replace"]')!.focus();
  });
  lastAnswer = answer;
  return answer;
}
