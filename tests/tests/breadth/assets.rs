//! Vehicles and properties after they are created: updates, deletion, the registry lookups that
//! fill their forms, and the UAVT address lookup that the dialects ask for with different verbs.

use crate::support::*;
use insurup::{
    CustomerId, Dialect, ErrorKind, NewProperty, NewVehicle, PropertyId, PropertyOwnershipType,
    Reference, VehicleId,
};
use insurup_sandbox::{Dialect as Served, SandboxConfig};

/// A brand with a model sold in some recent year: (brand, model, year).
async fn some_model(client: &insurup::Client) -> (Reference, Reference, u32) {
    let brands = client.reference().vehicle_brands().await.expect("brands");
    for brand in &brands {
        for year in (2015..=2024).rev() {
            let models = client
                .reference()
                .vehicle_models(&brand.value, year)
                .await
                .expect("models");
            if let Some(model) = models.into_iter().next() {
                return (brand.clone(), model, year);
            }
        }
    }
    panic!("no brand has a model in 2015-2024");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vehicle_is_updated_to_another_model_and_reads_back() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 311).await;
        let vehicle = client
            .vehicles()
            .create(
                &customer.id,
                NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
            )
            .await
            .expect("vehicle");
        let (brand, model, year) = some_model(&client).await;

        let updated = client
            .vehicles()
            .update(
                &customer.id,
                &vehicle.id,
                NewVehicle::new(PLATE)
                    .with_document_serial("AB", "123456")
                    .with_model(&brand.value, &model.value, year),
            )
            .await
            .expect("updated");
        assert_eq!(updated.id, vehicle.id);
        assert_eq!(updated.model_year, Some(year));
        assert_eq!(updated.model.map(|m| m.value), Some(model.value));
        assert_eq!(updated.brand.map(|b| b.value), Some(brand.value));
        assert_eq!(
            sandbox
                .requests("PUT /api/customers/{id}/vehicles/{vehicleId}")
                .await,
            1,
            "sent once, in the body the vehicle's creation found the server binds"
        );

        let error = client
            .vehicles()
            .update(
                &customer.id,
                &VehicleId::new("5a6b7c8d-0000-4000-8000-00000000beef"),
                NewVehicle::new(PLATE).with_model("139", "139014", 2020),
            )
            .await
            .expect_err("no such vehicle");
        assert_eq!(error.kind(), ErrorKind::NotFound);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vehicle_code_names_the_brand_and_model_the_lists_give() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let (brand, model, _) = some_model(&client).await;
        let found = client
            .vehicles()
            .model_by_brand_code(&model.value)
            .await
            .expect("the code of a listed model");
        assert_eq!(found.brand, Some(brand));
        assert_eq!(found.model_type, Some(model));
        assert!(found.year.is_some());
        let error = client
            .vehicles()
            .model_by_brand_code("999999")
            .await
            .expect_err("an unknown code");
        assert_eq!(error.kind(), ErrorKind::NotFound);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_property_is_updated_and_deleted() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 312).await;
        let uavt = first_uavt_number(&client).await;
        let property = client
            .properties()
            .create(&customer.id, NewProperty::new(uavt, 110, 2005))
            .await
            .expect("property");
        assert!(property.address.is_some(), "the register's address");

        let mut changed = NewProperty::new(uavt, 135, 2006);
        changed.ownership_type = Some(PropertyOwnershipType::Tenant);
        changed.floor = Some(3);
        let updated = client
            .properties()
            .update(&customer.id, &property.id, changed)
            .await
            .expect("updated");
        assert_eq!(updated.square_meter, Some(135));
        assert_eq!(updated.construction_year, Some(2006));
        assert_eq!(updated.ownership_type, Some(PropertyOwnershipType::Tenant));
        assert_eq!(updated.floor, Some(3));

        let error = client
            .properties()
            .update(
                &customer.id,
                &property.id,
                NewProperty::new(uavt + 1, 135, 2006),
            )
            .await
            .expect_err("the UAVT number of a property cannot change");
        assert_eq!(error.kind(), ErrorKind::Unprocessable);

        client
            .properties()
            .delete(&customer.id, &property.id)
            .await
            .expect("deleted");
        let error = client
            .properties()
            .get(&customer.id, &property.id)
            .await
            .expect_err("gone");
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert!(
            client
                .properties()
                .list(&customer.id)
                .await
                .expect("list")
                .is_empty()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_earlier_dask_policy_names_the_dwelling_to_renew() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let found = client
            .properties()
            .lookup_dask_policy(123_456_789)
            .await
            .expect("found");
        assert_eq!(
            found.dask_old_policy.as_ref().and_then(|p| p.number),
            Some(123_456_789)
        );
        assert!(
            found
                .dask_old_policy
                .as_ref()
                .and_then(|p| p.end_date.as_ref())
                .is_some()
        );
        assert!(found.property_number.is_some());
        assert!(
            found
                .address
                .as_ref()
                .and_then(|a| a.city.as_ref())
                .is_some()
        );
        let floor = found.floor.expect("floors");
        let total = floor
            .total_floors
            .expect("read from the polymorphic quantity");
        assert!(floor.current_floor.is_some_and(|current| current < total));
        assert!(found.square_meter.is_some() && found.construction_year.is_some());
    })
    .await;
}

/// The UAVT lookup in a sandbox serving `served`, by a client that was not told the dialect.
async fn the_uavt_lookup_works_against(served: Served) {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        dialect: served,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox.client();
    let uavt = first_uavt_number(&client).await;
    let first = client
        .addresses()
        .of_property_number(uavt)
        .await
        .expect("found");
    let again = client
        .addresses()
        .of_property_number(uavt)
        .await
        .expect("found again");
    assert_eq!(first, again);
    assert_eq!(
        first.apartment.map(|flat| flat.value),
        Some(uavt.to_string())
    );
    let route = "/api/properties/query-address-by-property-number";
    let (gets, posts) = (
        sandbox.requests(&format!("GET {route}")).await,
        sandbox.requests(&format!("POST {route}")).await,
    );
    if served == Served::Guide {
        // The vendor spelling first, refused; then the docs' GET, remembered for the second.
        assert_eq!((posts, gets), (1, 2), "POST once, then GET twice");
    } else {
        assert_eq!((posts, gets), (2, 0), "POST both times");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_uavt_lookup_gets_in_the_guides_dialect_and_remembers_it() {
    the_uavt_lookup_works_against(Served::Guide).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_uavt_lookup_posts_in_the_graphql_docs_dialect() {
    the_uavt_lookup_works_against(Served::GraphqlDocs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_uavt_lookup_posts_in_the_vendor_clients_dialect() {
    the_uavt_lookup_works_against(Served::VendorSdk).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_told_the_guides_dialect_gets_at_once() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        dialect: Served::Guide,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .dialect(Dialect::Guide)
        .build()
        .expect("client");
    let uavt = first_uavt_number(&client).await;
    client
        .addresses()
        .of_property_number(uavt)
        .await
        .expect("found");
    let route = "/api/properties/query-address-by-property-number";
    assert_eq!(sandbox.requests(&format!("POST {route}")).await, 0);
    assert_eq!(sandbox.requests(&format!("GET {route}")).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_asset_input_is_refused_naming_the_field_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let customer = CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    let vehicle = VehicleId::new("5a6b7c8d-0000-4000-8000-000000000001");
    let property = PropertyId::new("a04f1c3b-0000-4000-8000-000000000001");
    let before = sandbox.total_requests().await;

    expect_field(
        client
            .vehicles()
            .update(&customer, &vehicle, NewVehicle::new("82XYZ1"))
            .await,
        "plate",
    );
    expect_field(
        client
            .vehicles()
            .update(&customer, &VehicleId::new("a b"), NewVehicle::new(PLATE))
            .await,
        "vehicle_id",
    );
    expect_field(
        client.vehicles().model_by_brand_code("TOYOTA").await,
        "brand_code",
    );
    expect_field(
        client
            .properties()
            .update(&customer, &property, NewProperty::new(42, 100, 2000))
            .await,
        "property_number",
    );
    expect_field(
        client
            .properties()
            .update(
                &customer,
                &property,
                NewProperty::new(1_234_567_890, 5, 2000),
            )
            .await,
        "square_meter",
    );
    expect_field(
        client
            .properties()
            .delete(&customer, &PropertyId::new("../x"))
            .await,
        "property_id",
    );
    expect_field(
        client.properties().lookup_dask_policy(0).await,
        "dask_policy_number",
    );
    assert_eq!(sandbox.total_requests().await, before);
}
