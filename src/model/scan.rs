//! A scan: one region's walk through a framework, with the answers per
//! criterion. The scan carries its own copy of the framework, so a scan opened
//! years later shows the criteria it was answered against.

use jiff::Timestamp;
use jiff::civil::Date;

use super::agenda::{AgendaAction, Ambition};
use super::conflict::FieldConflict;
use super::extra::Extra;
use super::framework::Framework;
use super::scoring::Verdict;

/// An answer on the framework's scale, or one of the two answers that are not scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Score(u8),
    /// "Onbekend": the group does not know; does not count.
    Unknown,
    /// "N.v.t.": does not apply here; does not count.
    NotApplicable,
}

impl Answer {
    /// The score that counts, if this answer is a score.
    pub fn score(self) -> Option<u8> {
        match self {
            Answer::Score(value) => Some(value),
            Answer::Unknown | Answer::NotApplicable => None,
        }
    }
}

/// How far the room agrees on the consensus answer (after LWV and Kaner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Consensus,
    /// Consensus with a reservation that is written down.
    WithReservation,
    /// No consensus: both perspective scores are kept.
    NoConsensus,
}

impl Agreement {
    pub const ALL: [Agreement; 3] = [
        Agreement::Consensus,
        Agreement::WithReservation,
        Agreement::NoConsensus,
    ];

    /// The key used in files.
    pub fn key(self) -> &'static str {
        match self {
            Agreement::Consensus => "consensus",
            Agreement::WithReservation => "voorbehoud",
            Agreement::NoConsensus => "geen_consensus",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.key() == key)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub organisation: String,
    /// A perspective id of the scan's framework.
    pub perspective: String,
    /// Keys of `[[participants]]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanMeta {
    pub region: String,
    pub date: Date,
    pub facilitator: String,
    pub note_taker: String,
    pub participants: Vec<Participant>,
}

/// One perspective's view on a criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PerspectiveAnswer {
    pub score: Option<Answer>,
    pub note: String,
    /// Never shown on the projector.
    pub note_private: bool,
    /// Keys of `[answers.X.<perspective>]` this version does not know, kept for saving.
    pub extra: Extra,
}

/// Everything recorded for one criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriterionAnswer {
    /// One entry per framework perspective, in framework order.
    pub perspectives: Vec<PerspectiveAnswer>,
    /// The answer the room agreed on.
    pub consensus: Option<Answer>,
    pub agreement: Option<Agreement>,
    /// The joint story behind the consensus answer.
    pub consensus_note: String,
    pub consensus_note_private: bool,
    /// Where the region wants to be on this criterion (the agenda).
    pub ambition: Option<Ambition>,
    /// What the region will do about it, who and by when (the agenda).
    pub actions: Vec<AgendaAction>,
    /// Skipped for now, to return to later.
    pub skipped: bool,
    pub changed_at: Option<Timestamp>,
    /// Keys of `[answers.X]` this version does not know, kept for saving.
    pub extra: Extra,
    /// Fields a merge found with different values, not yet resolved.
    pub conflicts: Vec<FieldConflict>,
}

/// The mark a criterion gets in the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionStatus {
    Open,
    /// Something recorded, but no agreement level chosen yet.
    Answered,
    Consensus,
    NoConsensus,
    Skipped,
}

impl CriterionAnswer {
    pub fn empty(perspective_count: usize) -> Self {
        Self {
            perspectives: vec![PerspectiveAnswer::default(); perspective_count],
            ..Self::default()
        }
    }

    /// True when nothing at all is held, so the file need not list it: no
    /// answer, and no unknown keys from the file that a save must keep.
    pub fn is_empty(&self) -> bool {
        self.nothing_recorded()
            && !self.consensus_note_private
            && self.ambition.as_ref().is_none_or(Ambition::is_empty)
            && self.actions.iter().all(|action| action.extra.is_empty())
            && self.perspectives.iter().all(|view| !view.note_private)
            && self.extra.is_empty()
            && self.perspectives.iter().all(|view| view.extra.is_empty())
    }

    /// True when the room recorded nothing. Unknown keys kept from the file do
    /// not count: the facilitator cannot see them, so the criterion is open.
    fn nothing_recorded(&self) -> bool {
        self.consensus.is_none()
            && self.agreement.is_none()
            && self.consensus_note.is_empty()
            && self.ambition.as_ref().is_none_or(|ambition| {
                ambition.level.is_none() && ambition.due.is_none() && ambition.needed.is_empty()
            })
            && self.actions.is_empty()
            && !self.skipped
            && self.conflicts.is_empty()
            && self
                .perspectives
                .iter()
                .all(|view| view.score.is_none() && view.note.is_empty())
    }

    /// True when an action is done, under way or still to do (dropped and
    /// empty ones do not count).
    pub fn has_live_action(&self) -> bool {
        self.actions.iter().any(|action| {
            action.status != super::agenda::ActionStatus::Dropped && !action.what.trim().is_empty()
        })
    }

    /// Answered means the room reached a conclusion: a consensus answer, or the
    /// explicit decision that there is no consensus.
    pub fn is_answered(&self) -> bool {
        self.consensus.is_some() || self.agreement == Some(Agreement::NoConsensus)
    }

    pub fn status(&self) -> CriterionStatus {
        match self.agreement {
            Some(Agreement::NoConsensus) => CriterionStatus::NoConsensus,
            Some(Agreement::Consensus | Agreement::WithReservation) if self.consensus.is_some() => {
                CriterionStatus::Consensus
            }
            _ if self.is_answered() => CriterionStatus::Answered,
            _ if self.skipped => CriterionStatus::Skipped,
            _ if self.nothing_recorded() => CriterionStatus::Open,
            _ => CriterionStatus::Answered,
        }
    }
}

/// How far a scan has come: "12 van 22 beantwoord".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// The facilitator's judgement over the computed verdict: one level up or
/// down, never without a written rationale (it appears in every report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictOverride {
    pub verdict: Verdict,
    pub rationale: String,
    /// Keys of `[verdict_override]` this version does not know, kept for saving.
    pub extra: Extra,
}

/// A scan in memory. `answers` has one entry per framework criterion, in walk order.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    pub meta: ScanMeta,
    pub framework: Framework,
    pub answers: Vec<CriterionAnswer>,
    pub verdict_override: Option<VerdictOverride>,
    /// Top-level keys of the scan file this version does not know, kept for saving.
    pub extra: Extra,
    /// In a homework scan: the id of the perspective it is prepared for; only
    /// that side's scores and notes are edited in it.
    pub prepared_for: Option<String>,
}

impl Scan {
    /// A fresh scan with every criterion open.
    pub fn new(meta: ScanMeta, framework: Framework) -> Self {
        let answers = (0..framework.criterion_count())
            .map(|_| CriterionAnswer::empty(framework.perspectives.len()))
            .collect();
        Self {
            meta,
            framework,
            answers,
            verdict_override: None,
            extra: Extra::default(),
            prepared_for: None,
        }
    }

    pub fn progress(&self) -> Progress {
        Progress {
            answered: self.answers.iter().filter(|a| a.is_answered()).count(),
            total: self.answers.len(),
        }
    }

    /// The first criterion after `from` (wrapping around) that is not answered yet.
    /// Skipped criteria count as unanswered, so skipping is "come back later".
    pub fn next_unanswered(&self, from: usize) -> Option<usize> {
        let count = self.answers.len();
        (1..=count)
            .map(|step| (from + step) % count)
            .find(|&index| !self.answers[index].is_answered())
    }
}
