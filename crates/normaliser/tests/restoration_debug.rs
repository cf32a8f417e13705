//! Manual probe.

use pergub_model::Format;
use pergub_normaliser::Normaliser;

#[test]
fn probe() {
    let Ok(input) = std::env::var("PROBE") else { return };
    let normaliser = Normaliser::new();
    for cell in input.split("||") {
        let lines: Vec<String> = cell.split('|').map(str::to_string).collect();
        println!("{:?} -> {:?}", lines, normaliser.restorer().items(&lines));
    }
}

#[test]
fn vocab_diff() {
    if std::env::var("VOCAB").is_err() { return; }
    let seed = include_str!("../../../seeds/000_861539b47a742229.txt");
    let parsed = pergub_parser::parse(seed.as_bytes(), Format::Markdown).unwrap();
    let n = Normaliser::new();
    let cells: Vec<&[String]> = parsed.records.iter().flat_map(|r| r.cells.iter().map(|(_, c)| c.lines.as_slice())).collect();
    let v = n.restorer().vocabulary(cells.iter().copied());
    println!("vocab {}", v.len());
    for c in cells {
        let a = n.restorer().items(c);
        let b = n.restorer().items_in(c, &v);
        if a != b { println!("{:?}\n  plain {:?}\n  vocab {:?}", c, a, b); }
    }
}
