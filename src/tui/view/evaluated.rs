//! The evaluation of the open scan, made once for each state of it: the
//! outcome screen, its keys, the actions screen and the override dialog all
//! need it, on every frame or key, and evaluating the scan (exact fractions
//! over every criterion) is the costly part of them. After an answer
//! changed it is made as soon as the frame is on screen ([`prepare`]), with
//! the outcome screen's rows, so that screen opens without waiting for
//! either.

use std::cell::RefCell;
use std::rc::Rc;

use crate::model::{Evaluation, evaluate};
use crate::tui::app::{App, WalkMode, Walkthrough};

/// An evaluation, and of which state of which scan (`ScanVersion::key`).
type Kept = ((u64, u64), Rc<Evaluation>);

thread_local! {
    /// The evaluation last made.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// `evaluate(&walk.scan)`, kept while the scan stays as it is (see
/// `ScanVersion`: every edit counts).
pub fn evaluation(walk: &Walkthrough) -> Rc<Evaluation> {
    let key = walk.version.key();
    KEPT.with_borrow_mut(|kept| match kept {
        Some((made_for, evaluation)) if *made_for == key => Rc::clone(evaluation),
        _ => {
            let evaluation = Rc::new(evaluate(&walk.scan));
            *kept = Some((key, Rc::clone(&evaluation)));
            evaluation
        }
    })
}

/// Whether the evaluation of the scan as it stands now is made already.
pub fn ready(walk: &Walkthrough) -> bool {
    let key = walk.version.key();
    KEPT.with_borrow(|kept| matches!(kept, Some((made_for, _)) if *made_for == key))
}

/// Once a frame is on screen: after an edit (the scan differs from its
/// file), evaluates the open scan and makes the outcome screen's rows,
/// unless a note is being typed (every letter changes the scan, and at
/// 20,000 criteria an evaluation takes about 16 ms: the next letter would
/// wait); leaving the note is a frame of its own, after which this runs.
/// Not for a scan just opened: that would be work and memory (about 0.3 MB
/// at 2,000 criteria) for a screen that may never be opened.
pub fn prepare(app: &App) {
    if let Some(walk) = app.walkthrough()
        && walk.dirty
        && !matches!(walk.mode, WalkMode::Editing)
    {
        evaluation(walk);
        // And the outcome screen's rows, the other half of opening it.
        super::summary::prepare(app, walk);
    }
}
