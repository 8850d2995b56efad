package gen

// requiredChecks are the fields of an option struct whose absence the
// generated check method reports: required, and with a zero value that
// cannot be a real value (checkable). With none, no check method is
// emitted and the API calls none: an empty check is noise in go doc's
// source view and a call that can never fail.
func requiredChecks(di *declInfo) []*fieldInfo {
	if di == nil {
		return nil
	}
	var req []*fieldInfo
	for _, fi := range di.fields {
		if fi.required && checkable(fi.typ) {
			req = append(req, fi)
		}
	}
	return req
}
