// Command peerbench runs the peer benchmark of package
// github.com/glassbox-audit/glassbox/bench/peer: durable appends from
// concurrent writers into raw Pebble, a Glassbox audit log and Tessera's
// POSIX driver, on the same disk, one after the other, and prints one
// table (or, with -json, the report as JSON).
//
//	cd bench && go run ./cmd/peerbench [-writers 1,8,64,1024] [-duration 10s] [-rounds 3] [-leaf 512] [-dir D] [-systems a,b] [-json]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/glassbox-audit/glassbox/bench/peer"
)

func main() {
	if child, err := peer.Child(); child {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	var cfg peer.Config
	writers := flag.String("writers", "1,8,64,1024", "comma-separated numbers of concurrent writers")
	systems := flag.String("systems", strings.Join(peer.Systems, ","), "comma-separated systems to run, raw-pebble first")
	flag.DurationVar(&cfg.Duration, "duration", peer.DefaultDuration, "how long each system writes at each writer count")
	flag.IntVar(&cfg.Rounds, "rounds", 1, "how many times to run each writer count (the table shows medians)")
	flag.IntVar(&cfg.LeafSize, "leaf", peer.DefaultLeafSize, "entry size in bytes")
	flag.StringVar(&cfg.Dir, "dir", "", "directory for the stores (default: the system's temporary directory)")
	flag.BoolVar(&cfg.Keep, "keep", false, "keep the stores after the run")
	asJSON := flag.Bool("json", false, "print the report as JSON")
	flag.Parse()
	for _, f := range strings.Split(*writers, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			fmt.Fprintf(os.Stderr, "peerbench: -writers: %v\n", err)
			os.Exit(2)
		}
		cfg.Writers = append(cfg.Writers, n)
	}
	cfg.Systems = strings.Split(*systems, ",")
	cfg.Progress = os.Stderr

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := peer.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peerbench:", err)
		os.Exit(1)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteTable(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "peerbench:", err)
		os.Exit(1)
	}
}
