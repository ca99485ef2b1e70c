//! Finding criteria by what was said about them: their title, description,
//! guiding questions and every note and action. Case and accents do not
//! matter ("eenduidig" finds "éénduidig").

use super::scan::Scan;

/// Where a match was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Title,
    Description,
    Question,
    /// A perspective's note, by perspective label.
    Note(String),
    ConsensusNote,
    Action,
}

/// One criterion that matches, at the first place it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position of the criterion in the walk.
    pub index: usize,
    pub place: Place,
    /// A short piece of text around the match, on one line.
    pub snippet: String,
}

/// Lower case without accents, so a query matches however it was typed.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// Every criterion matching `query` (all its words, anywhere in the
/// criterion), in walk order. An empty query matches nothing.
pub fn search(scan: &Scan, query: &str) -> Vec<Hit> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let framework = &scan.framework;
    framework
        .criteria()
        .filter_map(|entry| {
            let answer = scan.answers.get(entry.index)?;
            let criterion = entry.criterion;
            let mut places: Vec<(Place, &str)> = vec![
                (Place::Title, criterion.title.as_str()),
                (Place::Title, criterion.id.as_str()),
                (Place::Description, criterion.description.as_str()),
            ];
            places.extend(
                criterion
                    .questions
                    .iter()
                    .map(|q| (Place::Question, q.as_str())),
            );
            for (perspective, view) in framework.perspectives.iter().zip(&answer.perspectives) {
                places.push((Place::Note(perspective.label.clone()), view.note.as_str()));
            }
            places.push((Place::ConsensusNote, answer.consensus_note.as_str()));
            for action in &answer.actions {
                places.push((Place::Action, action.what.as_str()));
                places.push((Place::Action, action.owner.as_str()));
            }
            if let Some(ambition) = &answer.ambition {
                places.push((Place::Action, ambition.needed.as_str()));
            }
            let folded: Vec<String> = places.iter().map(|(_, text)| fold(text)).collect();
            let all = folded.join("\n");
            if !words.iter().all(|word| all.contains(word.as_str())) {
                return None;
            }
            // Show the first place holding the first word.
            let (place, text) = places
                .iter()
                .zip(&folded)
                .find(|(_, folded)| folded.contains(words[0].as_str()))
                .map(|((place, text), _)| (place.clone(), *text))?;
            Some(Hit {
                index: entry.index,
                place,
                snippet: snippet(text, &words[0]),
            })
        })
        .collect()
}

/// About 60 characters of `text` around the first match of `word` (folded),
/// on one line.
fn snippet(text: &str, word: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    // Folding keeps one char per char for the letters it changes, so positions agree
    // unless a lowercase form has more chars; then start at the beginning.
    let start = if folded.len() == chars.len() {
        let needle: Vec<char> = word.chars().collect();
        folded
            .windows(needle.len().max(1))
            .position(|window| window == needle.as_slice())
            .unwrap_or(0)
    } else {
        0
    };
    let from = start.saturating_sub(20);
    let to = (from + 60).min(chars.len());
    let mut piece: String = chars[from..to]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    if from > 0 {
        piece.insert(0, '…');
    }
    if to < chars.len() {
        piece.push('…');
    }
    piece
}

/// The criterion a typed "go to" means, in this order: the id typed in full,
/// then the first id that starts with it, then the first title that contains
/// it. Case and accents do not matter; an empty query means none.
pub fn go_to_target(framework: &super::Framework, query: &str) -> Option<usize> {
    let query = fold(query.trim());
    if query.is_empty() {
        return None;
    }
    let criteria: Vec<_> = framework.criteria().collect();
    let id = |entry: &&super::framework::CriterionRef| fold(&entry.criterion.id);
    criteria
        .iter()
        .find(|entry| id(entry) == query)
        .or_else(|| criteria.iter().find(|entry| id(entry).starts_with(&query)))
        .or_else(|| {
            criteria
                .iter()
                .find(|entry| fold(&entry.criterion.title).contains(&query))
        })
        .map(|entry| entry.index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scan, ScanMeta};

    fn scan() -> Scan {
        let framework = crate::storage::bundled_frameworks().remove(0);
        let meta = ScanMeta {
            region: "R".into(),
            date: "2026-11-25".parse().expect("date"),
            facilitator: String::new(),
            note_taker: String::new(),
            participants: Vec::new(),
        };
        let mut scan = Scan::new(meta, framework);
        scan.answers[5].perspectives[1].note =
            "De wachttijd voor JeugdzorgPlus is opgelopen tot twaalf weken.\nDat is te lang."
                .into();
        scan.answers[9].actions = vec![crate::model::agenda::action_from_text(
            "Regio maakt een éénduidig overzicht (eigenaar: Anna)",
            false,
        )];
        scan
    }

    #[test]
    fn finds_notes_titles_and_ids_regardless_of_case_and_accents() {
        let scan = scan();
        let hits = search(&scan, "jeugdzorgplus WEKEN");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 5);
        assert_eq!(hits[0].place, Place::Note("Aanbieders".into()));
        assert!(
            hits[0].snippet.contains("JeugdzorgPlus"),
            "{}",
            hits[0].snippet
        );
        assert!(!hits[0].snippet.contains('\n'));

        let hits = search(&scan, "eenduidig");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![9]);
        assert_eq!(hits[0].place, Place::Action);

        let hits = search(&scan, "str-2");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].place, Place::Title);

        assert!(search(&scan, "   ").is_empty());
        assert!(search(&scan, "bestaat-nergens").is_empty());
    }

    #[test]
    fn a_word_in_the_framework_text_finds_every_criterion_using_it() {
        let scan = scan();
        let hits = search(&scan, "aanbieders");
        assert!(hits.len() > 3, "{hits:?}");
        assert!(hits.windows(2).all(|pair| pair[0].index < pair[1].index));
    }
}
