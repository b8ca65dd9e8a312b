package main

import (
	"context"
	"fmt"
	"io"

	"github.com/glassbox-audit/glassbox/httpapi"
)

// demo, with --http and --demo N: before serving, the service decides the
// next N applicants of the data set, waits until they are anchored, and
// prints a capability link to the first one's receipt, so that the
// applicant and regulator examples have something to check
// (glassbox devnet reads this line).
func (s *service) demo(ctx context.Context, h *httpapi.Handler, w io.Writer) error {
	apps := s.model.applicants(s.cfg.Demo, s.log.Size())
	for i := range apps {
		if _, err := s.decide(ctx, &apps[i]); err != nil {
			return fmt.Errorf("--demo: %w", err)
		}
	}
	size := s.log.Size()
	if _, err := s.anchorer.WaitAnchored(ctx, size); err != nil {
		if aerr := s.anchorErr(); aerr != nil {
			return fmt.Errorf("--demo: anchorer: %w", aerr)
		}
		return fmt.Errorf("--demo: waiting for the anchor: %w", err)
	}
	link, err := h.IssueLink(apps[0].ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "demo: %d decisions anchored at tree size %d\n", len(apps), size)
	fmt.Fprintf(w, "demo origin: %s\n", Origin)
	fmt.Fprintf(w, "demo link: %s %s %s\n", apps[0].ID, link.Token, link.Page)
	return nil
}
