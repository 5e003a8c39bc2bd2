//! The national address register (UAVT) the address cascade and property lookups read: the
//! catalog's cities and districts, then a few invented towns, neighbourhoods, streets, buildings
//! and flats under each. A UAVT number spells its own path (city, district, town, neighbourhood:
//! one digit each; street, building, flat: two digits each), so every flat the cascade lists looks
//! itself up again, and any other number up to ten digits still lands on some address.

use serde::Serialize;
use utoipa::ToSchema;

use crate::simulation::catalog::{CITIES, City};
use crate::store::model::Param;

const TOWNS: &[&str] = &["MERKEZ", "SAHİL"];
const NEIGHBOURHOODS: &[&str] = &["ATATÜRK MAH.", "CUMHURİYET MAH.", "FATİH MAH."];
const STREETS: &[&str] = &["GÜL SK.", "LALE SK.", "PAPATYA CD."];
const BUILDINGS: &[&str] = &["NO: 3", "NO: 12", "NO: 27"];
const FLATS: &[&str] = &["DAİRE 1", "DAİRE 2", "DAİRE 3", "DAİRE 4"];

/// The largest UAVT number: ten digits.
pub const MAX_PROPERTY_NUMBER: i64 = 9_999_999_999;

/// A full address, as `properties/query-address-by-property-number` answers it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, ToSchema)]
pub struct PropertyAddress {
    pub city: Param,
    pub district: Param,
    pub town: Param,
    pub neighborhood: Param,
    pub street: Param,
    pub building: Param,
    pub apartment: Param,
}

/// A position in the register: indexes into each level, zero-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Path {
    city: usize,
    district: usize,
    town: usize,
    neighbourhood: usize,
    street: usize,
    building: usize,
    flat: usize,
}

impl Path {
    fn city(&self) -> &'static City {
        &CITIES[self.city]
    }

    fn district_code(&self) -> &'static str {
        self.city().districts[self.district].0
    }

    fn town_ref(&self) -> String {
        format!("{}{}", self.district_code(), self.town + 1)
    }

    fn neighbourhood_ref(&self) -> String {
        format!("{}{}", self.town_ref(), self.neighbourhood + 1)
    }

    fn street_ref(&self) -> String {
        format!("{}{:02}", self.neighbourhood_ref(), self.street + 1)
    }

    fn building_ref(&self) -> String {
        format!("{}{:02}", self.street_ref(), self.building + 1)
    }

    fn property_number(&self) -> i64 {
        let digits = format!(
            "{}{}{}{}{:02}{:02}{:02}",
            self.city + 1,
            self.district + 1,
            self.town + 1,
            self.neighbourhood + 1,
            self.street + 1,
            self.building + 1,
            self.flat + 1
        );
        digits.parse().unwrap_or(0)
    }

    fn address(&self) -> PropertyAddress {
        let city = self.city();
        let (district_code, district_name) = city.districts[self.district];
        PropertyAddress {
            city: Param::new(city.code, city.name),
            district: Param::new(district_code, district_name),
            town: Param::new(&self.town_ref(), TOWNS[self.town]),
            neighborhood: Param::new(
                &self.neighbourhood_ref(),
                NEIGHBOURHOODS[self.neighbourhood],
            ),
            street: Param::new(&self.street_ref(), STREETS[self.street]),
            building: Param::new(&self.building_ref(), BUILDINGS[self.building]),
            apartment: Param::new(&self.property_number().to_string(), FLATS[self.flat]),
        }
    }
}

/// A digit group read as a one-based index into `len` items, wrapping whatever it holds.
fn wrap(value: u32, len: usize) -> usize {
    let len = len.max(1);
    (value as usize + len - 1) % len
}

fn digit(text: &str, at: usize) -> u32 {
    text[at..at + 1].parse().unwrap_or(0)
}

fn pair(text: &str, at: usize) -> u32 {
    text[at..at + 2].parse().unwrap_or(0)
}

/// The address of a UAVT number; `None` outside 1..=9 999 999 999.
pub fn address_of(property_number: i64) -> Option<PropertyAddress> {
    (1..=MAX_PROPERTY_NUMBER)
        .contains(&property_number)
        .then(|| address_at(property_number))
}

/// The address of a number already known to be a UAVT number (out-of-range values are clamped).
pub fn address_at(property_number: i64) -> PropertyAddress {
    let text = format!("{:010}", property_number.clamp(1, MAX_PROPERTY_NUMBER));
    let city = wrap(digit(&text, 0), CITIES.len());
    let path = Path {
        city,
        district: wrap(digit(&text, 1), CITIES[city].districts.len()),
        town: wrap(digit(&text, 2), TOWNS.len()),
        neighbourhood: wrap(digit(&text, 3), NEIGHBOURHOODS.len()),
        street: wrap(pair(&text, 4), STREETS.len()),
        building: wrap(pair(&text, 6), BUILDINGS.len()),
        flat: wrap(pair(&text, 8), FLATS.len()),
    };
    path.address()
}

/// Where a district code sits in the catalog.
fn district(code: &str) -> Option<Path> {
    CITIES.iter().enumerate().find_map(|(city, c)| {
        c.districts
            .iter()
            .position(|(value, _)| *value == code)
            .map(|district| Path {
                city,
                district,
                town: 0,
                neighbourhood: 0,
                street: 0,
                building: 0,
                flat: 0,
            })
    })
}

/// Reads a reference of the form `<district code><one-digit indexes…><two-digit indexes…>`.
fn parse(reference: &str, single: usize, double: usize) -> Option<(Path, Vec<usize>)> {
    let code_len = 4;
    if reference.len() != code_len + single + 2 * double
        || !reference.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let path = district(&reference[..code_len])?;
    let mut indexes = Vec::new();
    let mut at = code_len;
    for _ in 0..single {
        indexes.push(usize::try_from(digit(reference, at)).ok()?.checked_sub(1)?);
        at += 1;
    }
    for _ in 0..double {
        indexes.push(usize::try_from(pair(reference, at)).ok()?.checked_sub(1)?);
        at += 2;
    }
    Some((path, indexes))
}

fn town(reference: &str) -> Option<Path> {
    let (mut path, i) = parse(reference, 1, 0)?;
    path.town = *i.first().filter(|t| **t < TOWNS.len())?;
    Some(path)
}

fn neighbourhood(reference: &str) -> Option<Path> {
    let (mut path, i) = parse(reference, 2, 0)?;
    path.town = *i.first().filter(|t| **t < TOWNS.len())?;
    path.neighbourhood = *i.get(1).filter(|n| **n < NEIGHBOURHOODS.len())?;
    Some(path)
}

fn street(reference: &str) -> Option<Path> {
    let (mut path, i) = parse(reference, 2, 1)?;
    path.town = *i.first().filter(|t| **t < TOWNS.len())?;
    path.neighbourhood = *i.get(1).filter(|n| **n < NEIGHBOURHOODS.len())?;
    path.street = *i.get(2).filter(|s| **s < STREETS.len())?;
    Some(path)
}

fn building(reference: &str) -> Option<Path> {
    let (mut path, i) = parse(reference, 2, 2)?;
    path.town = *i.first().filter(|t| **t < TOWNS.len())?;
    path.neighbourhood = *i.get(1).filter(|n| **n < NEIGHBOURHOODS.len())?;
    path.street = *i.get(2).filter(|s| **s < STREETS.len())?;
    path.building = *i.get(3).filter(|b| **b < BUILDINGS.len())?;
    Some(path)
}

pub fn cities() -> Vec<Param> {
    CITIES.iter().map(|c| Param::new(c.code, c.name)).collect()
}

/// The districts of a city; empty for a reference the register does not know.
pub fn districts(city_reference: &str) -> Vec<Param> {
    crate::simulation::catalog::city(city_reference)
        .map(|c| c.districts.iter().map(|(v, t)| Param::new(v, t)).collect())
        .unwrap_or_default()
}

pub fn towns(district_reference: &str) -> Vec<Param> {
    district(district_reference)
        .map(|p| {
            (0..TOWNS.len())
                .map(|town| Path { town, ..p })
                .map(|p| Param::new(&p.town_ref(), TOWNS[p.town]))
                .collect()
        })
        .unwrap_or_default()
}

pub fn neighbourhoods(town_reference: &str) -> Vec<Param> {
    town(town_reference)
        .map(|p| {
            (0..NEIGHBOURHOODS.len())
                .map(|neighbourhood| Path { neighbourhood, ..p })
                .map(|p| Param::new(&p.neighbourhood_ref(), NEIGHBOURHOODS[p.neighbourhood]))
                .collect()
        })
        .unwrap_or_default()
}

pub fn streets(neighbourhood_reference: &str) -> Vec<Param> {
    neighbourhood(neighbourhood_reference)
        .map(|p| {
            (0..STREETS.len())
                .map(|street| Path { street, ..p })
                .map(|p| Param::new(&p.street_ref(), STREETS[p.street]))
                .collect()
        })
        .unwrap_or_default()
}

pub fn buildings(street_reference: &str) -> Vec<Param> {
    street(street_reference)
        .map(|p| {
            (0..BUILDINGS.len())
                .map(|building| Path { building, ..p })
                .map(|p| Param::new(&p.building_ref(), BUILDINGS[p.building]))
                .collect()
        })
        .unwrap_or_default()
}

/// The flats of a building; each one's value is its UAVT number.
pub fn apartments(building_reference: &str) -> Vec<Param> {
    building(building_reference)
        .map(|p| {
            (0..FLATS.len())
                .map(|flat| Path { flat, ..p })
                .map(|p| Param::new(&p.property_number().to_string(), FLATS[p.flat]))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flat_of_the_cascade_looks_itself_up_by_its_uavt_number() {
        let mut flats = 0;
        for city in cities() {
            for district in districts(&city.value) {
                for town in towns(&district.value) {
                    for nb in neighbourhoods(&town.value) {
                        for street in streets(&nb.value) {
                            for building in buildings(&street.value) {
                                for flat in apartments(&building.value) {
                                    let number: i64 = flat.value.parse().expect("digits");
                                    let address = address_of(number).expect("known");
                                    assert_eq!(address.city, city);
                                    assert_eq!(address.district, district);
                                    assert_eq!(address.town, town);
                                    assert_eq!(address.neighborhood, nb);
                                    assert_eq!(address.street, street);
                                    assert_eq!(address.building, building);
                                    assert_eq!(address.apartment, flat);
                                    flats += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(flats > 1000, "{flats}");
    }

    #[test]
    fn any_number_up_to_ten_digits_has_an_address_and_others_none() {
        assert!(address_of(1_234_567_890).is_some());
        assert!(address_of(1).is_some());
        assert!(address_of(0).is_none());
        assert!(address_of(10_000_000_000).is_none());
    }

    #[test]
    fn unknown_references_list_nothing() {
        assert!(towns("9999").is_empty());
        assert!(neighbourhoods("18239").is_empty());
        assert!(apartments("abc").is_empty());
    }
}
