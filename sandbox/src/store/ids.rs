//! Identifier formats: 24-hex ObjectIds and UUIDs, both drawn from the store's seeded generator so a
//! sandbox started with the same seed hands out the same ids in the same order.

/// SplitMix64: tiny, fast and stable across releases, unlike library RNGs whose streams may change.
#[derive(Clone, Debug)]
pub struct SeededRng(u64);

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n` (n > 0); the tiny modulo bias is irrelevant for test data.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let len = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let index = usize::try_from(self.below(len)).unwrap_or(0);
        &items[index.min(items.len().saturating_sub(1))]
    }
}

/// The SplitMix64 finaliser, also used to hash tuples into deterministic outcomes.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes text and numbers into one deterministic value (FNV-1a, then mixed).
pub fn hash_parts(seed: u64, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ seed;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xFF)) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01B3);
        }
    }
    mix(h)
}

/// Hands out ids. ObjectIds look like MongoDB's: a timestamp-like prefix, a per-sandbox middle and a counter.
#[derive(Clone, Debug)]
pub struct IdGen {
    rng: SeededRng,
    prefix: u32,
    middle: u32,
    counter: u32,
}

impl IdGen {
    pub fn new(seed: u64) -> Self {
        let mut rng = SeededRng::new(seed.wrapping_add(0x1D));
        // 0x69.. is an ObjectId timestamp in 2026, which keeps ids looking current.
        let prefix = 0x6900_0000 | (rng.next_u64() as u32 & 0x00FF_FFFF);
        let middle = rng.next_u64() as u32;
        Self {
            rng,
            prefix,
            middle,
            counter: 0,
        }
    }

    pub fn object_id(&mut self) -> String {
        self.counter = self.counter.wrapping_add(1);
        format!("{:08x}{:08x}{:08x}", self.prefix, self.middle, self.counter)
    }

    pub fn uuid(&mut self) -> String {
        let hi = self.rng.next_u64();
        let lo = self.rng.next_u64();
        uuid::Builder::from_random_bytes(((u128::from(hi) << 64) | u128::from(lo)).to_be_bytes())
            .into_uuid()
            .to_string()
    }
}

#[cfg(test)]
pub fn is_object_id(text: &str) -> bool {
    text.len() == 24 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A fresh random 32-hex trace id (not seeded: trace ids identify requests, not data).
pub fn trace_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_ids_are_24_hex_and_unique() {
        let mut ids = IdGen::new(42);
        let a = ids.object_id();
        let b = ids.object_id();
        assert!(is_object_id(&a), "{a}");
        assert_ne!(a, b);
    }

    #[test]
    fn the_same_seed_gives_the_same_ids() {
        let mut one = IdGen::new(7);
        let mut two = IdGen::new(7);
        assert_eq!(one.uuid(), two.uuid());
        assert_eq!(one.object_id(), two.object_id());
        assert_ne!(IdGen::new(8).uuid(), IdGen::new(7).uuid());
    }
}
