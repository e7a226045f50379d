// The dashboard's connection lives in shared/ now: the workspace (/app) uses it as well.
export * from '../shared/hub-client';
