//! `quote-batch --generate-sample N`: a realistic input file — valid TCKN checksums, plates in
//! the shapes Turkish plates take, registration document serials — the same for the same seed.

use std::io::Write;

const FIRST_NAMES: &[&str] = &[
    "AHMET",
    "MEHMET",
    "MUSTAFA",
    "AYŞE",
    "FATMA",
    "EMİNE",
    "ALİ",
    "HÜSEYİN",
    "ZEYNEP",
    "ELİF",
    "MURAT",
    "CANAN",
    "OSMAN",
    "SELİN",
    "BURAK",
    "DERYA",
];
const LAST_NAMES: &[&str] = &[
    "YILMAZ",
    "KAYA",
    "DEMİR",
    "ŞAHİN",
    "ÇELİK",
    "YILDIZ",
    "YILDIRIM",
    "ÖZTÜRK",
    "AYDIN",
    "ÖZDEMİR",
    "ARSLAN",
    "DOĞAN",
    "KILIÇ",
    "ASLAN",
    "ÇETİN",
    "KORKMAZ",
];
/// Letters used on Turkish plates (no Q, W, X and no Turkish-only letters).
const PLATE_LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPRSTUVYZ";

/// A small deterministic generator (SplitMix64): the same seed gives the same file everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

/// Writes a header and `rows` rows.
pub fn write(mut out: impl Write, rows: usize, seed: u64) -> std::io::Result<()> {
    let mut random = SplitMix(seed);
    let mut writer = csv::Writer::from_writer(&mut out);
    writer.write_record([
        "key",
        "identity_number",
        "birth_date",
        "full_name",
        "plate",
        "document_serial_code",
        "document_serial_number",
        "branch",
        "installments",
    ])?;
    for index in 1..=rows {
        let branch = if random.between(1, 10) <= 7 {
            "kasko"
        } else {
            "trafik"
        };
        let birth_date = format!(
            "{}-{:02}-{:02}",
            random.between(1950, 2004),
            random.between(1, 12),
            random.between(1, 28)
        );
        let name = format!("{} {}", random.pick(FIRST_NAMES), random.pick(LAST_NAMES));
        let serial_code: String = (0..2)
            .map(|_| char::from(*random.pick(b"ABCDEFGHJKLMNPRSTUVYZ")))
            .collect();
        writer.write_record([
            format!("row-{index:05}"),
            tckn(&mut random),
            birth_date,
            name,
            plate(&mut random),
            serial_code,
            format!("{:06}", random.between(0, 999_999)),
            branch.to_owned(),
            "1".to_owned(),
        ])?;
    }
    writer.flush()
}

/// An 11-digit identity number whose 10th and 11th digits are its checksums.
fn tckn(random: &mut SplitMix) -> String {
    let mut digits = vec![random.between(1, 9)];
    digits.extend((0..8).map(|_| random.between(0, 9)));
    let odd: u64 = digits.iter().step_by(2).sum();
    let even: u64 = digits.iter().skip(1).step_by(2).sum();
    // (7 × odd − even) mod 10, kept non-negative: even ≤ 36 < 40.
    let tenth = (odd * 7 + 40 - even) % 10;
    digits.push(tenth);
    let eleventh = digits.iter().sum::<u64>() % 10;
    digits.push(eleventh);
    digits.iter().map(u64::to_string).collect()
}

/// A province code, 1-3 letters and as many digits as that letter count allows.
fn plate(random: &mut SplitMix) -> String {
    let province = random.between(1, 81);
    let letter_count = random.between(1, 3);
    let digit_count = match letter_count {
        1 => random.between(4, 5),
        2 => random.between(3, 4),
        _ => random.between(2, 3),
    };
    let letters: String = (0..letter_count)
        .map(|_| char::from(*random.pick(PLATE_LETTERS)))
        .collect();
    let mut digits = random.between(1, 9).to_string();
    digits.extend((1..digit_count).map(|_| char::from(b'0' + random.between(0, 9) as u8)));
    format!("{province:02}{letters}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rows: usize, seed: u64) -> String {
        let mut out = Vec::new();
        write(&mut out, rows, seed).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn every_generated_identity_number_and_plate_is_valid() {
        let text = sample(500, 7);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut count = 0;
        for record in reader.records() {
            let record = record.expect("a record");
            let tckn = &record[1];
            let plate = &record[4];
            assert!(insurup::validate::is_valid_tckn(tckn), "{tckn}");
            assert!(insurup::validate::parse_plate(plate).is_some(), "{plate}");
            count += 1;
        }
        assert_eq!(count, 500);
    }

    #[test]
    fn the_same_seed_gives_the_same_file() {
        assert_eq!(sample(20, 3), sample(20, 3));
        assert_ne!(sample(20, 3), sample(20, 4));
    }

    #[test]
    fn the_example_file_is_what_the_generator_writes() {
        let example = include_str!("../../examples/renewals.csv");
        assert_eq!(
            example,
            sample(20, 6),
            "regenerate it as cli/examples/README.md says"
        );
    }

    #[test]
    fn the_sample_is_a_valid_quote_batch_input() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sample.csv");
        std::fs::write(&path, sample(50, 1)).expect("writes");
        let rows = super::super::input::read(&path).expect("reads");
        assert_eq!(rows.len(), 50);
        assert_eq!(rows[0].key, "row-00001");
    }
}
