//! The agency's branches as a tree (`parentBranchId`), and the input that creates or moves one.
//!
//! The B2B guide (§6) scopes production to a branch: a customer, proposal, case or policy made
//! with an `agentBranchId` belongs to that branch, GraphQL rows name it (`agentBranchId`,
//! `agentBranch`), lists filter by it, and a webhook may be limited to some branches.

use std::collections::{HashMap, HashSet};

use super::{AgentBranch, AgentBranchId};
use crate::error::{Error, Result};

/// A branch to create, or the new name and place of one (`POST`/`PUT /api/agent-branches`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewAgentBranch {
    /// The branch's name (at most 100 characters).
    pub name: String,
    /// The branch it sits under; none for a branch directly under the agency.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub parent_branch_id: Option<AgentBranchId>,
}

impl NewAgentBranch {
    /// A branch directly under the agency.
    pub fn new(name: impl Into<String>) -> Self {
        NewAgentBranch {
            name: name.into(),
            parent_branch_id: None,
        }
    }

    /// Places the branch under `parent`.
    pub fn under(mut self, parent: impl Into<AgentBranchId>) -> Self {
        self.parent_branch_id = Some(parent.into());
        self
    }

    pub(crate) fn to_body(&self, id: Option<&AgentBranchId>) -> Result<serde_json::Value> {
        let name = self.name.trim();
        crate::validate::not_blank("name", name)?;
        if name.chars().count() > 100 {
            return Err(Error::validation("name", "must be at most 100 characters"));
        }
        if let Some(parent) = &self.parent_branch_id {
            crate::validate::id("parent_branch_id", parent.as_str())?;
            if id == Some(parent) {
                return Err(Error::validation(
                    "parent_branch_id",
                    "a branch cannot be its own parent",
                ));
            }
        }
        let mut body = serde_json::json!({
            "name": name,
            "parentBranchId": self.parent_branch_id,
        });
        if let (Some(id), Some(object)) = (id, body.as_object_mut()) {
            object.insert("id".to_owned(), serde_json::json!(id));
        }
        Ok(body)
    }
}

/// A branch in the tree, with where it sits: what [`AgentBranchTree::nodes`] lists, depth first.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentBranchNode {
    /// The branch.
    pub branch: AgentBranch,
    /// 0 for a branch directly under the agency, 1 for its sub-branches, …
    pub depth: u32,
    /// Its ancestors, the top one first.
    pub ancestor_ids: Vec<AgentBranchId>,
    /// Its direct sub-branches, in the order the API lists them.
    pub child_ids: Vec<AgentBranchId>,
}

/// The agency's branches arranged by `parentBranchId`. A branch whose parent is not in the list
/// is treated as a top-level branch, and a cycle (which the API refuses to create) cannot make
/// any walk loop.
#[derive(Debug, Clone, Default)]
pub struct AgentBranchTree {
    branches: Vec<AgentBranch>,
    index: HashMap<AgentBranchId, usize>,
    children: HashMap<AgentBranchId, Vec<usize>>,
    roots: Vec<usize>,
}

impl AgentBranchTree {
    /// Arranges `branches` (e.g. from [`crate::AgentBranches::list`]).
    pub fn new(branches: Vec<AgentBranch>) -> Self {
        let index: HashMap<AgentBranchId, usize> = branches
            .iter()
            .enumerate()
            .map(|(at, branch)| (branch.id.clone(), at))
            .collect();
        let mut children: HashMap<AgentBranchId, Vec<usize>> = HashMap::new();
        let mut roots = Vec::new();
        for (at, branch) in branches.iter().enumerate() {
            match branch
                .parent_branch_id
                .as_ref()
                .filter(|parent| index.contains_key(*parent) && **parent != branch.id)
            {
                Some(parent) => children.entry(parent.clone()).or_default().push(at),
                None => roots.push(at),
            }
        }
        let mut tree = AgentBranchTree {
            branches,
            index,
            children,
            roots,
        };
        // Branches only reachable through a cycle have no root above them; list them as roots so
        // every branch appears once.
        loop {
            let reachable: HashSet<usize> = tree.walk().into_iter().map(|(at, _)| at).collect();
            match (0..tree.branches.len()).find(|at| !reachable.contains(at)) {
                Some(orphan) => tree.roots.push(orphan),
                None => return tree,
            }
        }
    }

    /// Every branch, in the order given.
    pub fn branches(&self) -> &[AgentBranch] {
        &self.branches
    }

    /// A branch by id.
    pub fn get(&self, id: &AgentBranchId) -> Option<&AgentBranch> {
        self.index.get(id).map(|at| &self.branches[*at])
    }

    /// The branches directly under the agency.
    pub fn roots(&self) -> Vec<&AgentBranch> {
        self.roots.iter().map(|at| &self.branches[*at]).collect()
    }

    /// The direct sub-branches of `id`.
    pub fn children(&self, id: &AgentBranchId) -> Vec<&AgentBranch> {
        self.children
            .get(id)
            .map(|children| children.iter().map(|at| &self.branches[*at]).collect())
            .unwrap_or_default()
    }

    /// The branch `id` sits under, if it is in the tree.
    pub fn parent(&self, id: &AgentBranchId) -> Option<&AgentBranch> {
        self.get(id)?
            .parent_branch_id
            .as_ref()
            .filter(|parent| *parent != id)
            .and_then(|parent| self.get(parent))
    }

    /// The branches above `id`, nearest first.
    pub fn ancestors(&self, id: &AgentBranchId) -> Vec<&AgentBranch> {
        let mut seen = HashSet::from([id.clone()]);
        let mut found = Vec::new();
        let mut at = self.parent(id);
        while let Some(branch) = at {
            if !seen.insert(branch.id.clone()) {
                break;
            }
            found.push(branch);
            at = self.parent(&branch.id);
        }
        found
    }

    /// Every branch below `id`, depth first.
    pub fn descendants(&self, id: &AgentBranchId) -> Vec<&AgentBranch> {
        let mut found = Vec::new();
        let mut seen = HashSet::from([id.clone()]);
        let mut stack: Vec<usize> = self.children.get(id).cloned().unwrap_or_default();
        stack.reverse();
        while let Some(at) = stack.pop() {
            let branch = &self.branches[at];
            if !seen.insert(branch.id.clone()) {
                continue;
            }
            found.push(branch);
            if let Some(children) = self.children.get(&branch.id) {
                stack.extend(children.iter().rev());
            }
        }
        found
    }

    /// True when `id` is `ancestor` or sits somewhere below it: what a record produced for `id`
    /// counts towards when branches are reported together.
    pub fn is_within(&self, id: &AgentBranchId, ancestor: &AgentBranchId) -> bool {
        id == ancestor
            || self
                .ancestors(id)
                .iter()
                .any(|branch| &branch.id == ancestor)
    }

    /// Every branch with its depth, ancestors and children, depth first from the roots.
    pub fn nodes(&self) -> Vec<AgentBranchNode> {
        self.walk()
            .into_iter()
            .map(|(at, depth)| {
                let branch = &self.branches[at];
                let mut ancestor_ids: Vec<AgentBranchId> = self
                    .ancestors(&branch.id)
                    .into_iter()
                    .map(|ancestor| ancestor.id.clone())
                    .collect();
                ancestor_ids.reverse();
                AgentBranchNode {
                    branch: branch.clone(),
                    depth,
                    ancestor_ids,
                    child_ids: self
                        .children(&branch.id)
                        .into_iter()
                        .map(|child| child.id.clone())
                        .collect(),
                }
            })
            .collect()
    }

    /// (index, depth) of every branch reachable from a root, depth first.
    fn walk(&self) -> Vec<(usize, u32)> {
        let mut order = Vec::new();
        let mut seen = HashSet::new();
        let mut stack: Vec<(usize, u32)> = self.roots.iter().rev().map(|at| (*at, 0)).collect();
        while let Some((at, depth)) = stack.pop() {
            if !seen.insert(at) {
                continue;
            }
            order.push((at, depth));
            if let Some(children) = self.children.get(&self.branches[at].id) {
                stack.extend(children.iter().rev().map(|child| (*child, depth + 1)));
            }
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn branch(id: &str, parent: Option<&str>) -> AgentBranch {
        AgentBranch {
            id: AgentBranchId::new(id),
            name: id.to_uppercase(),
            parent_branch_id: parent.map(AgentBranchId::new),
            created_at: None,
            updated_at: None,
        }
    }

    #[test]
    fn the_tree_is_built_from_parent_ids_and_walked_depth_first() {
        let tree = AgentBranchTree::new(vec![
            branch("kadikoy", Some("istanbul")),
            branch("istanbul", None),
            branch("moda", Some("kadikoy")),
            branch("ankara", None),
            branch("besiktas", Some("istanbul")),
        ]);
        let order: Vec<(String, u32)> = tree
            .nodes()
            .into_iter()
            .map(|node| (node.branch.id.into_string(), node.depth))
            .collect();
        assert_eq!(
            order,
            [
                ("istanbul".to_owned(), 0),
                ("kadikoy".to_owned(), 1),
                ("moda".to_owned(), 2),
                ("besiktas".to_owned(), 1),
                ("ankara".to_owned(), 0),
            ]
        );
        let moda = AgentBranchId::new("moda");
        let ancestors: Vec<&str> = tree
            .ancestors(&moda)
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(ancestors, ["kadikoy", "istanbul"]);
        assert!(tree.is_within(&moda, &AgentBranchId::new("istanbul")));
        assert!(!tree.is_within(&moda, &AgentBranchId::new("ankara")));
        let below: Vec<&str> = tree
            .descendants(&AgentBranchId::new("istanbul"))
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(below, ["kadikoy", "moda", "besiktas"]);
        let node = tree
            .nodes()
            .into_iter()
            .find(|node| node.branch.id == moda)
            .expect("moda");
        assert_eq!(
            node.ancestor_ids,
            ["istanbul", "kadikoy"].map(AgentBranchId::new)
        );
    }

    #[test]
    fn unknown_parents_and_cycles_never_hide_a_branch_or_loop() {
        let tree = AgentBranchTree::new(vec![
            branch("orphan", Some("gone")),
            branch("a", Some("b")),
            branch("b", Some("a")),
            branch("self", Some("self")),
        ]);
        assert_eq!(tree.nodes().len(), 4);
        assert!(
            tree.roots()
                .iter()
                .any(|b| b.id.as_str() == "orphan" || b.id.as_str() == "self")
        );
        assert!(tree.ancestors(&AgentBranchId::new("a")).len() <= 1);
    }

    #[test]
    fn a_branch_input_is_checked_before_it_is_sent() {
        let error = NewAgentBranch::new("  ").to_body(None).expect_err("blank");
        assert_eq!(error.field(), Some("name"));
        let error = NewAgentBranch::new("x".repeat(101))
            .to_body(None)
            .expect_err("long");
        assert_eq!(error.field(), Some("name"));
        let id = AgentBranchId::new("6650a1b2c3d4e5f601a2b3c4");
        let error = NewAgentBranch::new("Moda")
            .under(id.clone())
            .to_body(Some(&id))
            .expect_err("own parent");
        assert_eq!(error.field(), Some("parent_branch_id"));
        let body = NewAgentBranch::new(" Moda ")
            .to_body(Some(&id))
            .expect("valid");
        assert_eq!(
            body,
            serde_json::json!({"id": id, "name": "Moda", "parentBranchId": null})
        );
    }
}
