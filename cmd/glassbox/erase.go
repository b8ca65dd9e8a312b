package main

import "context"

// eraseCommand is `glassbox erase --dir D --subject S`.
func eraseCommand() command {
	return command{name: "erase", summary: "erase a subject's personal data (leaves and proofs stay valid)", run: runErase}
}

func runErase(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "erase")
	lf := addLogFlags(fs)
	subject := fs.String("subject", "", "the subject to erase")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	const use = "usage: glassbox erase --dir DIR [--key FILE] --subject S"
	if c := requireFlags(env, "erase", fs, use, "dir", "subject"); c != exitOK {
		return c
	}
	if fs.NArg() != 0 {
		return usageErr(env, "erase", use)
	}
	lg, l, err := openDecisions(lf, writeLog)
	if err != nil {
		return openFailed(env, "erase", err)
	}
	defer lg.Close()
	n, err := l.Erase(ctx, *subject)
	if err != nil {
		return failed(env, "erase", "%v", err)
	}
	writeJSON(env.stdout, struct {
		Erased int `json:"erased"`
	}{n})
	return exitOK
}
