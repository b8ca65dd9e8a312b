package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

// toyModel is the demo's credit model: two XGBoost trees over income and
// debt (binary:logistic; the output is the probability of default, so a
// high score is adverse). It is a real model in XGBoost's JSON layout,
// so that every demo decision carries a TreeSHAP explanation and can be
// re-executed (package reproduce).
const toyModel = `{"learner":{"attributes":{},"feature_names":["income","debt"],"feature_types":[],
"gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2","size_leaf_vector":"0"},
"tree_info":[0,0],"trees":[
{"base_weights":[0,0,0],"categories":[],"categories_nodes":[],"categories_segments":[],"categories_sizes":[],
 "default_left":[1,0,0],"id":0,"left_children":[1,-1,-1],"loss_changes":[1,0,0],"parents":[2147483647,0,0],
 "right_children":[2,-1,-1],"split_conditions":[50000,0.6,-0.7],"split_indices":[0,0,0],"split_type":[0,0,0],
 "sum_hessian":[10,4,6],"tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"3","size_leaf_vector":"0"}},
{"base_weights":[0,0,0,0,0],"categories":[],"categories_nodes":[],"categories_segments":[],"categories_sizes":[],
 "default_left":[0,1,0,0,0],"id":1,"left_children":[1,3,-1,-1,-1],"loss_changes":[1,1,0,0,0],"parents":[2147483647,0,0,1,1],
 "right_children":[2,4,-1,-1,-1],"split_conditions":[15000,5000,0.9,-0.5,0.1],"split_indices":[1,1,0,0,0],"split_type":[0,0,0,0,0],
 "sum_hessian":[10,7,3,3,4],"tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"5","size_leaf_vector":"0"}}]},
"name":"gbtree"},
"learner_model_param":{"base_score":"5E-1","boost_from_average":"1","num_class":"0","num_feature":"2","num_target":"1"},
"objective":{"name":"binary:logistic","reg_loss_param":{"scale_pos_weight":"1"}}},"version":[1,7,4]}`

// forge makes the dishonest operator's copy of the anchored log: the same
// leaves, byte for byte, except the score of the decision at index victim
// (its label follows the policy), checkpoints at the same sizes signed
// with the log's own key, and the anchorer's state copied. It returns the
// edited leaf.
func forge(ctx context.Context, honest, forged *auditlog.Log, sizes []uint64, victim uint64) (*record.Leaf, error) {
	var from uint64
	var edited *record.Leaf
	for _, size := range sizes {
		var leaves [][]byte
		err := honest.ScanLeaves(ctx, from, size, func(i uint64, leaf []byte) error {
			if i == victim {
				l, err := record.DecodeLeaf(leaf)
				if err != nil {
					return err
				}
				l.Output.Score = 1 - l.Output.Score
				l.Output.Label = labelOf(l.Output.Score)
				if leaf, err = record.EncodeLeaf(l); err != nil {
					return err
				}
				edited = l
			}
			leaves = append(leaves, bytes.Clone(leaf)) // leaf is valid only during the call
			return nil
		})
		if err != nil {
			return nil, err
		}
		if _, err := forged.AppendBatch(ctx, leaves); err != nil {
			return nil, err
		}
		if _, err := forged.Checkpoint(ctx); err != nil {
			return nil, err
		}
		from = size
	}
	if edited == nil {
		return nil, fmt.Errorf("no leaf %d below size %d", victim, from)
	}
	return edited, nil
}

// forgedOperator serves the forged log. It still holds the decisions'
// payloads (it is the operator), so it answers with receipts of the forged
// leaves, the real disclosures, inclusion proofs and checkpoints of the
// forged tree, and the real anchors.
type forgedOperator struct {
	logOperator                // the forged log and its copied anchor state
	payloads    *decisions.Log // the honest log's decision records
}

func (o forgedOperator) DecisionIDs(ctx context.Context, limit int) ([]string, error) {
	return logOperator{dec: o.payloads}.DecisionIDs(ctx, limit)
}

func (o forgedOperator) Receipt(ctx context.Context, id string) ([]byte, error) {
	r, err := o.payloads.Receipt(ctx, id)
	if err != nil {
		return nil, err
	}
	cp, err := o.log.LatestCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	leaf, err := o.log.Leaf(ctx, r.Index)
	if err != nil {
		return nil, err
	}
	proof, err := o.log.InclusionProof(ctx, r.Index, cp.Size)
	if err != nil {
		return nil, err
	}
	r.Leaf, r.InclusionProof, r.Checkpoint, r.Anchor = leaf, proof, cp.Note, nil
	if err := anchor.Attach(ctx, o.log, o.state, r); err != nil {
		return nil, err
	}
	return r.Marshal()
}

var _ Operator = forgedOperator{}

func labelOf(score float64) string {
	if score >= 0.5 {
		return "decline"
	}
	return "approve"
}

// toyDecision scores one applicant with the toy model and explains it.
func toyDecision(m *explain.Model, digest [32]byte, i int, row []float64) (record.Decision, error) {
	attr, err := m.Explain(row, 0)
	if err != nil {
		return record.Decision{}, err
	}
	p, err := m.Predict(row, nil)
	if err != nil {
		return record.Decision{}, err
	}
	return record.Decision{
		Subject: "applicant-" + strconv.Itoa(i),
		Model:   record.Model{Name: "toy-credit", Version: "1", ArtifactDigest: record.Digest(digest)},
		Inputs: []record.Feature{
			{Name: "income", Value: record.Number(row[0])},
			{Name: "debt", Value: record.Number(row[1])},
		},
		Output:        record.Output{Label: labelOf(p[0]), Score: p[0]},
		Explanation:   &attr,
		PolicyVersion: "decline-if-pd-at-least-0.50",
	}, nil
}

// toyDigest is the toy model's artifact digest.
func toyDigest() [32]byte { return sha256.Sum256([]byte(toyModel)) }
