package regulator

import (
	"encoding/hex"
	"net/http"
	"strconv"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// modelRow is one model version: what the log recorded and what the
// contract holds.
type modelRow struct {
	Name, Version string
	Decisions     uint64
	Erased        uint64
	LeafDigest    string // the artifact digest the log's decisions name
	Read          bool   // the contract was read
	Error         string
	Registered    bool
	ChainDigest   string
	DigestMatch   bool
	Publisher     string
	Block         uint64
	MetadataURI   string
	Deprecated    bool
	Reason        string
	Registrations []string // ModelRegistered events: "block N, tx 0x.."
}

type modelsPage struct {
	page
	Models []modelRow
}

func (p *Portal) modelsPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	ctx := r.Context()
	cat, err := p.catalogue(ctx, l, s.Regulator.Scope)
	if err != nil {
		p.internal(w, r, "read the counters", err)
		return
	}
	mp := modelsPage{page: p.page("Models", s, key)}
	events := map[string][]string{}
	for _, m := range cat.Models {
		row := modelRow{Name: m.Name, Version: m.Version, Decisions: m.Decisions, Erased: m.Erased}
		if pg, err := l.Decisions.ByModel(ctx, m.Name, m.Version, decisions.PageRequest{Limit: 1}); err == nil && len(pg.Records) == 1 {
			d := pg.Records[0].Leaf.Model.ArtifactDigest
			row.LeafDigest = hex.EncodeToString(d[:])
		}
		if reg := p.o.Registry; reg != nil {
			mv, err := reg.Model(ctx, m.Name, m.Version)
			row.Read = true
			if err != nil {
				row.Error = err.Error()
			} else {
				row.Registered = true
				row.ChainDigest = hex.EncodeToString(mv.ArtifactDigest[:])
				row.DigestMatch = row.ChainDigest == row.LeafDigest
				row.Publisher, row.Block, row.MetadataURI = mv.Publisher.Hex(), mv.BlockNumber, mv.MetadataURI
				row.Deprecated, row.Reason = mv.Deprecated, mv.DeprecationReason
			}
			if _, done := events[m.Name]; !done {
				evs, err := reg.ModelEvents(ctx, m.Name, 0, nil)
				events[m.Name] = []string{}
				if err == nil {
					for _, ev := range evs {
						events[m.Name] = append(events[m.Name], ev.Version+": block "+strconv.FormatUint(ev.BlockNumber, 10)+", tx "+ev.TxHash.Hex())
					}
				}
			}
			row.Registrations = events[m.Name]
		}
		mp.Models = append(mp.Models, row)
	}
	p.render(w, r, http.StatusOK, "models", mp)
}

type disputesPage struct {
	page
	Error    string
	Open     []disputeRow
	Resolved []disputeRow
}

func (p *Portal) disputesPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	dp := disputesPage{page: p.page("Disputes", s, key)}
	all, err := p.disputes(r.Context(), l, key)
	if err != nil {
		dp.Error = "The disputes could not be read from the contract: " + err.Error()
	}
	for _, d := range all {
		if d.Status == "open" {
			dp.Open = append(dp.Open, d)
		} else {
			dp.Resolved = append(dp.Resolved, d)
		}
	}
	p.render(w, r, http.StatusOK, "disputes", dp)
}
