//! Vehicles and properties after creation: updates (with their webhook events), deletion, the
//! brand-code query and the DASK old-policy lookup.

use insurup_sandbox::Dialect;
use serde_json::json;

use crate::common::*;
use crate::webhooks::{payloads, subscribe};

fn property_body(customer: &str) -> serde_json::Value {
    json!({
        "customerId": customer, "propertyNumber": 1111010101, "squareMeter": 120,
        "constructionYear": 2005, "utilizationStyle": "HOUSE", "ownershipType": "PROPRIETOR",
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vehicle_is_updated_with_the_dialects_body_and_announced() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let receiver = subscribe(&api, &["vehicle.updated"]).await;
        let customer = api.create_customer(TCKN).await;
        let vehicle = api.create_vehicle(&customer).await;
        let path = format!("/api/customers/{customer}/vehicles/{vehicle}");
        let mut body = api.vehicle_body(&customer);
        body["utilizationStyle"] = json!("TAXI");
        body["vehicleId"] = json!(vehicle);
        if dialect == Dialect::Guide {
            body["plate"] = json!("06XYZ987");
        } else {
            body["plate"] = json!({"city": 6, "code": "XYZ987"});
        }
        api.put(&path, body.clone()).await.expect(204);
        let read = api.get(&path).await.expect(200).body;
        assert_eq!(read["utilizationStyle"], "TAXI", "{dialect}");
        assert_eq!(read["plate"], json!({"city": 6, "code": "XYZ987"}));
        assert_eq!(read["model"]["value"], "139014");
        let event = &payloads(&receiver, 1).await[0];
        assert_eq!(event["$event"], "vehicle.updated");
        assert_eq!(event["vehicleId"], vehicle.as_str());
        assert_eq!(event["plate"], "06XYZ987");
        assert_eq!(event["utilizationStyle"], "TAXI");
        assert_eq!(event["updatedBy"]["email"], AGENT_EMAIL);
        assert!(event["updatedAt"].is_string());

        body["vehicleId"] = json!("00000000-0000-4000-8000-00000000dead");
        api.put(&path, body.clone())
            .await
            .expect_invalid_input(dialect);
        let other = api.create_customer("10000000146").await;
        api.put(
            &format!("/api/customers/{other}/vehicles/{vehicle}"),
            api.vehicle_body(&other),
        )
        .await
        .expect_problem(404, "VEHICLE_NOT_FOUND");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_brand_code_names_a_model() {
    let api = Api::start().await;
    let found = api
        .post(
            "/api/insurance-services/query-vehicle-by-brand-code",
            json!({"brandCode": "139014"}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(found["model"]["brand"]["value"], "139");
    assert_eq!(found["model"]["type"]["value"], "139014");
    assert!(found["model"]["year"].as_i64().is_some_and(|y| y >= 2019));
    api.post(
        "/api/insurance-services/query-vehicle-by-brand-code",
        json!({"brandCode": "999999"}),
    )
    .await
    .expect_problem(404, "VEHICLE_MODEL_NOT_FOUND");
    api.post(
        "/api/insurance-services/query-vehicle-by-brand-code",
        json!({"brandCode": "corolla"}),
    )
    .await
    .expect_invalid_input(api.dialect());
    let models = api
        .get("/api/vehicle-parameters/models?brandReference=139&year=2021")
        .await
        .expect(200)
        .body;
    assert!(
        models
            .as_array()
            .is_some_and(|m| m.iter().any(|x| x["value"] == "139014"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_property_is_updated_announced_and_deleted() {
    let api = Api::start().await;
    let receiver = subscribe(&api, &["property.updated"]).await;
    let customer = api.create_customer(TCKN).await;
    let created = api
        .post(
            &format!("/api/customers/{customer}/properties"),
            property_body(&customer),
        )
        .await
        .expect(200);
    let property = created.body["id"].as_str().expect("id").to_owned();
    let path = format!("/api/customers/{customer}/properties/{property}");
    let read = api.get(&path).await.expect(200).body;
    assert_eq!(read["address"]["apartment"]["value"], "1111010101");
    let mut body = property_body(&customer);
    body["propertyId"] = json!(property);
    body["squareMeter"] = json!(95);
    body["ownershipType"] = json!("TENANT");
    body["damageStatus"] = json!("NONE");
    api.put(&path, body.clone()).await.expect(204);
    let read = api.get(&path).await.expect(200).body;
    assert_eq!(read["squareMeter"], 95);
    assert_eq!(read["ownershipType"], "TENANT");
    let event = &payloads(&receiver, 1).await[0];
    assert_eq!(event["$event"], "property.updated");
    assert_eq!(event["propertyId"], property.as_str());
    assert_eq!(event["squareMeter"], 95);
    assert_eq!(event["address"]["city"]["text"], "İSTANBUL");
    assert!(event["updatedAt"].is_string());

    body["propertyNumber"] = json!(1111010102);
    api.put(&path, body)
        .await
        .expect_problem(422, "PROPERTY_NUMBER_IMMUTABLE");
    api.delete(&path).await.expect(204);
    api.get(&path)
        .await
        .expect_problem(404, "PROPERTY_NOT_FOUND");
    let owner = api
        .get(&format!("/api/customers/{customer}"))
        .await
        .expect(200);
    assert_eq!(owner.body["propertyCount"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dask_policy_number_names_one_dwelling_due_for_renewal() {
    let api = Api::start().await;
    let ask = |number: i64| {
        api.post(
            "/api/properties/query-property-by-dask-old-policy",
            json!({"daskPolicyNumber": number}),
        )
    };
    let first = ask(48_102_334).await.expect(200).body;
    let again = ask(48_102_334).await.expect(200).body;
    assert_eq!(first, again, "deterministic");
    assert_eq!(first["daskOldPolicy"]["number"], 48_102_334);
    let number = first["propertyNumber"].as_i64().expect("UAVT number");
    let address = api
        .post(
            "/api/properties/query-address-by-property-number",
            json!({"propertyNumber": number}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(first["address"], address);
    assert!(first["daskOldPolicy"]["endDate"].is_string());
    assert_eq!(first["floor"]["totalFloors"]["$type"], "exact");
    ask(0).await.expect_invalid_input(api.dialect());
}
