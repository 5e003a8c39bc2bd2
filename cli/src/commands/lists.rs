//! `customers list`, `proposals list`, `policies list`: GraphQL lists, a page or all of them, as
//! a table or JSON.

use insurup::graphql::{
    CustomerFields, Listing, PolicyFields, PolicyRow, ProposalFields, ProposalRow,
};
use insurup::{GraphqlPages, ListQuery, PolicyState, ProductBranch, ProposalState};
use serde_json::json;

use crate::cli::{CustomersCommand, GlobalArgs, PageArgs};
use crate::failure::Failure;
use crate::render::{self, or_dash, say};
use crate::settings::Settings;

/// Rows read from a list, and where the next page starts.
struct Listed<R> {
    rows: Vec<R>,
    total: Option<u32>,
    next_cursor: Option<String>,
}

/// `insurup customers list`
pub async fn customers(command: CustomersCommand, global: &GlobalArgs) -> Result<(), Failure> {
    let CustomersCommand::List {
        page,
        name,
        identity_number,
    } = command;
    let mut query = first_page(&page).order_by(CustomerFields::created_at().desc());
    if let Some(name) = name {
        query = query.filter(CustomerFields::name().contains(name));
    }
    if let Some(number) = identity_number {
        query = query.filter(CustomerFields::identity_number().eq(number));
    }
    let client = Settings::load(global)?.client().await?;
    let listed = read(client.graphql().customer_pages(query), page.all, |p| {
        p.total_count
    })
    .await?;
    show(global, &page, "customers", listed, |rows| {
        let mut table = render::table([
            "Name", "TCKN/VKN", "Type", "City", "E-mail", "Created", "Id",
        ]);
        for row in rows {
            table.add_row([
                or_dash(row.name.as_ref()),
                or_dash(row.identity_number.as_ref()),
                or_dash(row.customer_type.as_ref()),
                or_dash(row.city.as_ref()),
                or_dash(row.primary_email.as_ref()),
                or_dash(row.created_at.as_deref().map(date_part)),
                row.id.to_string(),
            ]);
        }
        table
    });
    Ok(())
}

/// `insurup proposals list`
pub async fn proposals(
    page: PageArgs,
    branch: Option<String>,
    state: Option<String>,
    plate: Option<String>,
    global: &GlobalArgs,
) -> Result<(), Failure> {
    let mut query = first_page(&page).order_by(ProposalFields::created_at().desc());
    if let Some(branch) = branch {
        query =
            query.filter(ProposalFields::product_branch().eq(ProductBranch::from_wire(&branch)));
    }
    if let Some(state) = state {
        query = query.filter(ProposalFields::state().eq(ProposalState::from_wire(&state)));
    }
    if let Some(plate) = plate {
        query = query.filter(ProposalFields::vehicle_plate().contains(plate));
    }
    let client = Settings::load(global)?.client().await?;
    let listed = read(client.graphql().proposal_pages(query), page.all, |p| {
        p.total_count
    })
    .await?;
    show(
        global,
        &page,
        "proposals",
        listed,
        |rows: &[ProposalRow]| {
            let mut table = render::table([
                "Created",
                "Insured",
                "Branch",
                "Plate",
                "State",
                "Offers",
                "Lowest premium",
                "Id",
            ]);
            for row in rows {
                let offers = match (row.succeed_products_count, row.products_count) {
                    (Some(priced), Some(asked)) => format!("{priced}/{asked}"),
                    _ => "-".to_owned(),
                };
                table.add_row([
                    or_dash(row.created_at.as_deref().map(date_part)),
                    or_dash(row.insured_customer_name.as_ref()),
                    or_dash(row.product_branch.as_ref()),
                    or_dash(row.vehicle_plate.as_ref()),
                    row.state.to_string(),
                    offers,
                    or_dash(row.lowest_premium.map(render::money)),
                    row.id.to_string(),
                ]);
            }
            table
        },
    );
    Ok(())
}

/// `insurup policies list`
pub async fn policies(
    page: PageArgs,
    branch: Option<String>,
    state: Option<String>,
    plate: Option<String>,
    insurer: Option<String>,
    global: &GlobalArgs,
) -> Result<(), Failure> {
    let mut query = first_page(&page).order_by(PolicyFields::created_at().desc());
    if let Some(branch) = branch {
        query = query.filter(PolicyFields::product_branch().eq(ProductBranch::from_wire(&branch)));
    }
    if let Some(state) = state {
        query = query.filter(PolicyFields::state().eq(PolicyState::from_wire(&state)));
    }
    if let Some(plate) = plate {
        query = query.filter(PolicyFields::vehicle_plate().contains(plate));
    }
    if let Some(insurer) = insurer {
        query = query.filter(PolicyFields::insurance_company_name().contains(insurer));
    }
    let client = Settings::load(global)?.client().await?;
    let listed = read(client.graphql().policy_pages(query), page.all, |p| {
        p.total_count
    })
    .await?;
    show(global, &page, "policies", listed, |rows: &[PolicyRow]| {
        policy_table(rows, None)
    });
    Ok(())
}

/// A table of policy rows; `highlight` marks one policy (the demo's new one).
pub fn policy_table(rows: &[PolicyRow], highlight: Option<&str>) -> comfy_table::Table {
    let mut table = render::table([
        "Policy number",
        "Insurer",
        "Branch",
        "Insured",
        "Plate",
        "Gross premium",
        "Period",
        "State",
        "Id",
    ]);
    for row in rows {
        let mut number = or_dash(row.insurance_company_policy_number.as_ref());
        if highlight == Some(row.id.as_str()) {
            number.push_str(" ★");
        }
        let period = match (&row.start_date, &row.end_date) {
            (Some(start), Some(end)) => format!("{} → {}", date_part(start), date_part(end)),
            _ => "-".to_owned(),
        };
        table.add_row([
            number,
            or_dash(row.insurance_company_name.as_ref()),
            or_dash(row.product_branch.as_ref()),
            or_dash(row.insured_customer_name.as_ref()),
            or_dash(row.vehicle_plate.as_ref()),
            or_dash(row.gross_premium.map(render::money)),
            period,
            row.state.to_string(),
            row.id.to_string(),
        ]);
    }
    table
}

/// `2026-07-01` of `2026-07-01T10:00:00Z`.
pub fn date_part(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

fn first_page(page: &PageArgs) -> ListQuery {
    let query = ListQuery::first(page.first);
    match &page.after {
        Some(cursor) => query.after(cursor.clone()),
        None => query,
    }
}

/// One page, or every page when `all` is set.
async fn read<R: Listing>(
    mut pages: GraphqlPages<R>,
    all: bool,
    total_of: fn(&R::Page) -> Option<u32>,
) -> Result<Listed<R>, Failure> {
    let mut listed = Listed {
        rows: Vec::new(),
        total: None,
        next_cursor: None,
    };
    while let Some(page) = pages.next_page().await? {
        listed.total = listed.total.or(total_of(&page));
        let (info, _) = R::info(&page);
        listed.next_cursor = info
            .has_next_page
            .then(|| info.end_cursor.clone())
            .flatten();
        listed.rows.extend(R::into_rows(page));
        if !all {
            break;
        }
    }
    Ok(listed)
}

fn show<R: serde::Serialize>(
    global: &GlobalArgs,
    page: &PageArgs,
    noun: &str,
    listed: Listed<R>,
    table: impl FnOnce(&[R]) -> comfy_table::Table,
) {
    if global.json {
        render::print_json(&json!({
            "items": listed.rows,
            "totalCount": listed.total,
            "nextCursor": listed.next_cursor,
        }));
        return;
    }
    if listed.rows.is_empty() {
        say(format!("No {noun} found."));
        return;
    }
    say(table(&listed.rows));
    let total = listed
        .total
        .map_or_else(String::new, |total| format!(" of {total}"));
    let mut footer = format!("{}{total} {noun}.", listed.rows.len());
    if let (Some(cursor), false) = (&listed.next_cursor, page.all) {
        footer.push_str(&format!(
            " Next page: insurup {noun} list --after {cursor} (or --all)"
        ));
    }
    if !global.quiet {
        say(render::dim(footer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_shown_as_its_date() {
        assert_eq!(date_part("2026-07-01T10:00:00Z"), "2026-07-01");
        assert_eq!(date_part("2026"), "2026");
    }
}
