import { Testing } from 'cdktf';
import { nativeGlobal } from './helpers/native-modules';

// cdktf is shared by the test files of a worker (helpers/native-modules.js) and looks for `expect` on its own global.
nativeGlobal().expect = expect;
Testing.setupJest();
