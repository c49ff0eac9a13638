/** An organisation's project submissions under /h5/projects (one chunk): open calls, its projects, the form. */
import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound.js';
import '../../projects/strings.js';
import { ApplyHomePage } from './ApplyHomePage.js';
import { MyProjectPage } from './MyProjectPage.js';
import { ProjectFormPage } from './ProjectFormPage.js';

export function ProjectsRoutes() {
  return (
    <Routes>
      <Route index element={<ApplyHomePage />} />
      <Route path="new" element={<ProjectFormPage />} />
      <Route path=":id" element={<MyProjectPage />} />
      <Route path=":id/edit" element={<ProjectFormPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
