//! The resources whose methods are all the core's declarations, as every language has them.

#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(addresses, resource!(AsyncAddresses {}));
insurup::resource_surface!(agent_branches, resource!(AsyncAgentBranches {}));
insurup::resource_surface!(cases, resource!(AsyncCases {}));
insurup::resource_surface!(policies, resource!(AsyncPolicies {}));
insurup::resource_surface!(properties, resource!(AsyncProperties {}));
insurup::resource_surface!(reference, resource!(AsyncReferenceData {}));
insurup::resource_surface!(vehicles, resource!(AsyncVehicles {}));
insurup::resource_surface!(webhooks, resource!(AsyncWebhooks {}));
