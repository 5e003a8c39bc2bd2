use insurup::{PropertyAddress, Reference};

forward! {
    /// The address register (UAVT): city → district → town → neighbourhood → street → building →
    /// apartment, each level listed by the reference of the one above, as a DASK or konut form needs.
    Addresses(insurup::Addresses) {
        /// Every city.
        cities() -> Vec<Reference> = cities();
        /// The districts of a city.
        districts(city_reference: String) -> Vec<Reference> = districts(&city_reference);
        /// The towns (belde/köy) of a district.
        towns(district_reference: String) -> Vec<Reference> = towns(&district_reference);
        /// The neighbourhoods of a town.
        neighbourhoods(town_reference: String) -> Vec<Reference> = neighbourhoods(&town_reference);
        /// The streets of a neighbourhood.
        streets(neighbourhood_reference: String) -> Vec<Reference> = streets(&neighbourhood_reference);
        /// The buildings of a street.
        buildings(street_reference: String) -> Vec<Reference> = buildings(&street_reference);
        /// The apartments (flats) of a building; their values are UAVT numbers.
        apartments(building_reference: String) -> Vec<Reference> = apartments(&building_reference);
        /// The address a UAVT number names.
        of_property_number(property_number: i64) -> PropertyAddress = of_property_number(property_number);
    }
}
