//! Text restoration on sentences the restorer was not built from.
//!
//! Each sentence of `fixtures/sentences/plan_sentences_id.txt` is damaged
//! the way PDF extraction damages narrow table columns, by a seeded
//! generator, then restored; the mean character similarity to the clean
//! sentence must stay high, and clean sentences must pass unchanged.
//!
//! `cargo test -p pergub-normaliser --test restoration_sentences -- --nocapture`
//! prints the figures and the worst restorations.

use pergub_normaliser::Normaliser;

const SENTENCES: &str = include_str!("../../../fixtures/sentences/plan_sentences_id.txt");

fn sentences() -> Vec<&'static str> {
    SENTENCES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A small deterministic generator (xorshift64*), so that runs repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The kinds of damage, each applied to every sentence.
#[derive(Debug, Clone, Copy)]
enum Damage {
    /// Narrow column, lines cut at a fixed width, inside words too.
    CutWraps,
    /// Cut wraps where a cut word gets a hyphen at the line end.
    HyphenCuts,
    /// Spaces lost (half of them), then cut wraps: the glued cells of PDFs.
    Glued,
    /// One or two spaces moved by one letter.
    ShiftedSpaces,
    /// Look-alike Cyrillic and Greek letters inside words, word wraps.
    Homoglyphs,
}

const DAMAGES: [Damage; 5] = [
    Damage::CutWraps,
    Damage::HyphenCuts,
    Damage::Glued,
    Damage::ShiftedSpaces,
    Damage::Homoglyphs,
];

/// Cut `text` into lines of `width` characters; a space at a cut is lost,
/// a word cut in two may get a hyphen.
fn cut_lines(text: &str, width: usize, hyphen_percent: usize, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = (start + width).min(chars.len());
        let mut line: String = chars[start..end].iter().collect();
        let cut_in_word =
            end < chars.len() && chars[end - 1].is_alphabetic() && chars[end].is_alphabetic();
        if cut_in_word && rng.chance(hyphen_percent) {
            line.push('-');
        }
        lines.push(line.trim().to_string());
        start = end;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    lines
}

/// Wrap `text` at spaces into lines of at most `width` characters.
fn word_wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn damage(text: &str, kind: Damage, rng: &mut Rng) -> Vec<String> {
    match kind {
        Damage::CutWraps => cut_lines(text, 10 + rng.below(10), 0, rng),
        Damage::HyphenCuts => cut_lines(text, 10 + rng.below(10), 100, rng),
        Damage::Glued => {
            let glued: String =
                text.split(' ')
                    .enumerate()
                    .fold(String::new(), |mut acc, (i, w)| {
                        if i > 0 && rng.chance(50) {
                            acc.push(' ');
                        }
                        acc.push_str(w);
                        acc
                    });
            cut_lines(&glued, 11 + rng.below(6), 0, rng)
        }
        Damage::ShiftedSpaces => {
            let mut chars: Vec<char> = text.chars().collect();
            for _ in 0..1 + rng.below(2) {
                let spaces: Vec<usize> = (1..chars.len().saturating_sub(2))
                    .filter(|&i| {
                        chars[i] == ' '
                            && chars[i - 1].is_alphabetic()
                            && chars[i + 1].is_alphabetic()
                            && chars.get(i + 2).is_some_and(|c| c.is_alphabetic())
                            && chars
                                .get(i.wrapping_sub(2))
                                .is_some_and(|c| c.is_alphabetic())
                    })
                    .collect();
                if spaces.is_empty() {
                    break;
                }
                let i = spaces[rng.below(spaces.len())];
                if rng.chance(50) {
                    chars.swap(i, i + 1);
                } else {
                    chars.swap(i, i - 1);
                }
            }
            vec![chars.into_iter().collect()]
        }
        Damage::Homoglyphs => {
            let mut out = String::new();
            for c in text.chars() {
                let lookalike = match c {
                    'a' => Some('а'),
                    'e' => Some('е'),
                    'o' => Some('о'),
                    'p' => Some('р'),
                    'c' => Some('с'),
                    'k' => Some('к'),
                    'A' => Some('Α'),
                    'T' => Some('Т'),
                    _ => None,
                };
                match lookalike {
                    Some(l) if rng.chance(15) => out.push(l),
                    _ => out.push(c),
                }
            }
            word_wrap(&out, 14 + rng.below(12))
        }
    }
}

/// 1 - Levenshtein distance / longer length, over characters.
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    1.0 - prev[b.len()] as f64 / a.len().max(b.len()) as f64
}

fn restore(normaliser: &Normaliser, lines: &[String]) -> String {
    normaliser.restorer().items(lines).join(" ")
}

#[test]
fn damaged_sentences_are_restored() {
    let normaliser = Normaliser::new();
    let sentences = sentences();
    assert!(sentences.len() >= 200, "only {} sentences", sentences.len());
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut total = 0.0;
    let mut count = 0usize;
    let mut worst: Vec<(f64, Damage, String, Vec<String>, String)> = Vec::new();
    for kind in DAMAGES {
        let mut sum = 0.0;
        for sentence in &sentences {
            let lines = damage(sentence, kind, &mut rng);
            let restored = restore(&normaliser, &lines);
            let sim = similarity(sentence, &restored);
            sum += sim;
            if sim < 1.0 {
                worst.push((sim, kind, sentence.to_string(), lines, restored));
            }
        }
        let mean = sum / sentences.len() as f64;
        eprintln!("{kind:?}: mean similarity {mean:.4}");
        total += sum;
        count += sentences.len();
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (sim, kind, sentence, lines, restored) in worst.iter().take(25) {
        eprintln!("{sim:.3} {kind:?}\n  want {sentence:?}\n  from {lines:?}\n  got  {restored:?}");
    }
    let mean = total / count as f64;
    eprintln!("all damage: mean similarity {mean:.4} over {count} restorations");
    assert!(mean >= 0.97, "mean similarity {mean:.4} < 0.97");
}

#[test]
fn clean_sentences_pass_unchanged() {
    let normaliser = Normaliser::new();
    let sentences = sentences();
    let mut changed = Vec::new();
    for sentence in &sentences {
        let restored = restore(&normaliser, &[sentence.to_string()]);
        if restored != *sentence {
            changed.push(format!("{sentence:?} -> {restored:?}"));
        }
    }
    let identical = 1.0 - changed.len() as f64 / sentences.len() as f64;
    eprintln!(
        "clean sentences unchanged: {identical:.4}\n{}",
        changed.join("\n")
    );
    assert!(
        identical >= 0.995,
        "only {identical:.4} unchanged:\n{}",
        changed.join("\n")
    );
}

#[test]
fn clean_sentences_wrapped_at_spaces_pass_unchanged() {
    let normaliser = Normaliser::new();
    let sentences = sentences();
    let mut changed = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let lines = word_wrap(sentence, 12 + i % 15);
        let restored = restore(&normaliser, &lines);
        if restored != *sentence {
            changed.push(format!("{lines:?} -> {restored:?}"));
        }
    }
    let identical = 1.0 - changed.len() as f64 / sentences.len() as f64;
    eprintln!(
        "word-wrapped clean sentences unchanged: {identical:.4}\n{}",
        changed.join("\n")
    );
    assert!(
        identical >= 0.97,
        "only {identical:.4} unchanged:\n{}",
        changed.join("\n")
    );
}
