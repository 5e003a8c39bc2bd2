#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(addresses, resource!(AsyncAddresses {}));
