//! The evaluation of the open scan, made once for each state of it: the
//! outcome screen, its keys, the actions screen and the override dialog all
//! need it, on every frame or key, and evaluating the scan (exact fractions
//! over every criterion) is the costly part of them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::model::{Evaluation, evaluate};
use crate::tui::app::Walkthrough;

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
