import { Testing } from 'cdktf';
import { nativeGlobal } from './helpers/native-modules';

// cdktf is shared by the test files of a worker (helpers/native-modules.js) and looks for `expect` on its own global.
nativeGlobal().expect = expect;
Testing.setupJest();

// cdktf keeps every token ever created in one map on its global; shared across test files, that map would hold every
// app the worker synthesized. Tokens never outlive their test file, so each file starts a fresh map.
afterAll(() => {
  delete nativeGlobal().__cdktfTokenMap;
});
